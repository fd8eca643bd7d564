using System.Text.Json;

namespace CafeIA.Bench;

/// <summary>
/// What the programme scenario's orchestrator and its two load-generator workers tell each other.
/// The orchestrator hands a worker its <see cref="ProgrammeWorkerPlan"/> in a temp JSON file; the
/// worker answers on stdout, one line per stage: "READY {ProgrammeWorkerReady}", "VOTED
/// {ProgrammeWorkerVotes}", "RESULT {ProgrammeWorkerScreens}"; the orchestrator answers on its
/// stdin: "GO programmePollId", then "EXPECT totalAcknowledged". Timestamps are Stopwatch
/// timestamps: on Linux the monotonic clock, one clock for every process of the machine.
/// </summary>
public static class ProgrammeMessages
{
    public const string Ready = "READY";
    public const string Voted = "VOTED";
    public const string Result = "RESULT";
    public const string Go = "GO";
    public const string Expect = "EXPECT";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Line<T>(string tag, T payload) => $"{tag} {JsonSerializer.Serialize(payload, Json)}";

    public static T Parse<T>(string payload) => JsonSerializer.Deserialize<T>(payload, Json)!;
}

/// <summary>One café a worker serves: its index among all the programme's cafés, its join code, its facilitator's key.</summary>
public sealed record ProgrammeCafe(int Index, string JoinCode, string FacilitatorKey);

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
/// the acknowledgement latencies (ms), the failed calls, how many voters had not received the
/// poll by their moment and fetched a snapshot for it, and each café's acknowledged and counted ballots.
/// </summary>
public sealed record ProgrammeWorkerVotes(long Started, long LastAck, double[] Acks, int Failures, int SnapshotFallbacks, ProgrammeCafeTally[] Cafes);

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
/// The worker's national screens (the first participant of each of its cafés): when each first
/// showed the expected national voters (null: not within the wait), and how many distinct
/// national values each showed during the vote.
/// </summary>
public sealed record ProgrammeWorkerScreens(long?[] ExactAt, int[] DistinctValues);
