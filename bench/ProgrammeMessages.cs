using System.Text.Json;

namespace CafeIA.Bench;

/// <summary>
/// What the programme scenario's orchestrator and its two load-generator workers tell each other.
/// The orchestrator hands a worker its <see cref="ProgrammeWorkerPlan"/> in a temp JSON file; the
/// worker answers on stdout, one line per stage: "READY {ProgrammeWorkerReady}", "WARMED
/// acknowledged", "VOTED {ProgrammeWorkerVotes}", "RESULT {ProgrammeWorkerScreens}"; the
/// orchestrator answers on its stdin: "WARMUP programmePollId", "GO programmePollId", then
/// "EXPECT totalAcknowledged". Timestamps are Stopwatch
/// timestamps: on Linux the monotonic clock, one clock for every process of the machine.
/// </summary>
public static class ProgrammeMessages
{
    public const string Ready = "READY";
    public const string WarmUp = "WARMUP";
    public const string Warmed = "WARMED";
    public const string Voted = "VOTED";
    public const string Result = "RESULT";
    public const string Go = "GO";
    public const string Expect = "EXPECT";

    /// <summary>Web defaults; NaN stands for "none" in the per-voter timings (a failed vote's latency).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Line<T>(string tag, T payload) => $"{tag} {JsonSerializer.Serialize(payload, Json)}";

    public static T Parse<T>(string payload) => JsonSerializer.Deserialize<T>(payload, Json)!;
}

/// <summary>One café a worker serves: its index among all the programme's cafés, its join code, its facilitator's and its projector's keys.</summary>
public sealed record ProgrammeCafe(int Index, string JoinCode, string FacilitatorKey, string ProjectorKey);

/// <summary>
/// A worker's share: the gateway hub URLs its clients take in turn (one gateway, several loopback
/// addresses), the programme to enrol its cafés in, the participants per café and the vote window.
/// </summary>
public sealed record ProgrammeWorkerPlan(
    int Worker, string[] Hubs, string ProgrammeId, string InviteKey, int PerSession, double WindowSeconds, ProgrammeCafe[] Cafes);

/// <summary>Every client connected and joined (facilitators enrolled, participants joined), or how many joins failed.</summary>
public sealed record ProgrammeWorkerReady(int Connections, int FailedJoins);

/// <summary>
/// A worker's vote: when it started (GO received) and when its last ballot was acknowledged,
/// the acknowledgement latencies (ms), the failed calls, how many voters the pushed poll never
/// reached (within 30 s: failed votes too), each café's acknowledged and counted ballots,
/// and each voter's <see cref="ProgrammeVoteTimings"/> (where the acknowledgement tail lies).
/// </summary>
public sealed record ProgrammeWorkerVotes(
    long Started, long LastAck, double[] Acks, int Failures, int NeverReached, ProgrammeCafeTally[] Cafes, ProgrammeVoteTimings Timings);

/// <summary>
/// Per voter, in the same order in every array: when its vote was sent (ms after GO), its
/// acknowledgement latency (ms; NaN: failed), and when the pushed poll first reached it (ms after
/// GO: negative when before GO, since the push is made before; NaN: never).
/// </summary>
public sealed record ProgrammeVoteTimings(double[] SentAt, double[] Latency, double[] PollArrival);

/// <summary>
/// One café after the vote: the ballots acknowledged per choice, on site and remote, and its own
/// result as the facilitator's snapshot gives it (null when the snapshot has no such poll).
/// </summary>
public sealed record ProgrammeCafeTally(int Index, int[] AckedOnsite, int[] AckedRemote, ProgrammeCount? Counted)
{
    public int[] Acked => [.. AckedOnsite.Zip(AckedRemote, (o, r) => o + r)];

    public bool Exact => Counted is { } c
        && c.Voters == Acked.Sum() && c.Counts.SequenceEqual(Acked)
        && c.Onsite.SequenceEqual(AckedOnsite) && c.Remote.SequenceEqual(AckedRemote)
        && c.VotersOnsite == AckedOnsite.Sum() && c.VotersRemote == AckedRemote.Sum();
}

/// <summary>A poll's counts as the server gives them: per choice, on site, remote, and voters.</summary>
public sealed record ProgrammeCount(int[] Counts, int[] Onsite, int[] Remote, int Voters, int VotersOnsite, int VotersRemote)
{
    public static ProgrammeCount Of(JsonElement results) => new(
        Ints(results.GetProperty("counts")), Ints(results.GetProperty("onsite")), Ints(results.GetProperty("remote")),
        results.GetProperty("voters").GetInt32(), results.GetProperty("votersOnsite").GetInt32(), results.GetProperty("votersRemote").GetInt32());

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];
}

/// <summary>
/// The worker's national screens: each café's projector, and the phone of its first participant.
/// When each first showed the expected national voters (null: not within the wait), and how many
/// distinct national values each phone showed during the vote; what its phones received from GO to the end.
/// </summary>
public sealed record ProgrammeWorkerScreens(long?[] ProjectorsExactAt, long?[] ExactAt, int[] DistinctValues, PhoneMessageCount PhoneMessages);
