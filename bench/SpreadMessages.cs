namespace CafeIA.Bench;

/// <summary>
/// What the one-session-over-two-gateways scenario's orchestrator (<see cref="SpreadBenchmark"/>)
/// and its two load-generator workers (<see cref="SpreadWorker"/>) tell each other, as
/// <see cref="ProgrammeMessages"/> lines. The worker answers "READY {SpreadWorkerReady}" once
/// connected. Then, any number of times: "ARM marker" (expect a message carrying it) → "ARMED",
/// then "SENT timestamp" (it was sent then) → "ARRIVED {SpreadArrivals}"; "WARMUP pollId" →
/// "WARMED"; "VOTE pollId seconds" → "VOTED {SpreadWorkerVotes}". "DONE" closes every connection
/// and ends it.
/// </summary>
public static class SpreadMessages
{
    public const string Ready = "READY";
    public const string Arm = "ARM";
    public const string Armed = "ARMED";
    public const string Sent = "SENT";
    public const string Arrived = "ARRIVED";
    public const string WarmUp = "WARMUP";
    public const string Warmed = "WARMED";
    public const string Vote = "VOTE";
    public const string Voted = "VOTED";
    public const string Done = "DONE";
}

/// <summary>
/// A worker's share: the hub URLs its clients take in turn (one server, several loopback
/// addresses), how many clients, and the session's join code (null: the bare hub, nothing to join).
/// </summary>
public sealed record SpreadWorkerPlan(int Worker, string[] Hubs, int Clients, string? JoinCode);

public sealed record SpreadWorkerReady(int Connections, int FailedJoins);

/// <summary>One round at one worker: each client's latency (ms after the send) and how many never received it.</summary>
public sealed record SpreadArrivals(double[] Latencies, int Missing);

/// <summary>
/// A worker's vote storm: its acknowledgement latencies (ms), failures, its last acknowledgement
/// (Stopwatch timestamp: one clock for every process here), the acknowledged ballots per choice,
/// and the failures by kind (<see cref="Storm.KindOf"/>).
/// </summary>
public sealed record SpreadWorkerVotes(double[] Acks, int Failures, long LastAck, int[] AckedPerChoice, Dictionary<string, int> FailureKinds);
