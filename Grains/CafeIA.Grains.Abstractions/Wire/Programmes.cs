namespace CafeIA.Wire;

// A national programme groups cafés (say, every café of one national day). Its organiser pushes a
// poll to all of them at once; each café sees its own result and the programme-wide one, live.

[GenerateSerializer, Immutable, Alias("cafe.ProgrammeCreated")]
public sealed record ProgrammeCreated(
    [property: Id(0)] string ProgrammeId,
    [property: Id(1)] string OrganiserKey,
    [property: Id(2)] string InviteKey);

/// <summary>A facilitator enrols their session with the programme's id and invitation key.</summary>
[GenerateSerializer, Immutable, Alias("cafe.JoinProgrammeRequest")]
public sealed record JoinProgrammeRequest(
    [property: Id(0)] string? ProgrammeId,
    [property: Id(1)] string? InviteKey,
    [property: Id(2)] string? OpId = null) : IOperation;

/// <summary>A poll pushed to every café of the programme; Sessions says to how many, Opened how many opened it (live ones).</summary>
[GenerateSerializer, Immutable, Alias("cafe.ProgrammePollPushed")]
public sealed record ProgrammePollPushed(
    [property: Id(0)] string ProgrammePollId,
    [property: Id(1)] int Sessions,
    [property: Id(2)] int Opened);

/// <summary>
/// Counts of a poll whose results add up (single, multiple, rating, ranking, points), summed over
/// cafés, split on site / remote (and, where the staff counted hands, <see cref="NoDevice"/>: those
/// without a device, included in Counts and Voters). A ranking adds its Borda <see cref="Scores"/> (the national
/// <see cref="AverageRank"/> follows from them, so it is weighted by voters); a points poll its <see cref="Totals"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.Tally")]
public sealed record Tally(
    [property: Id(0)] int[] Counts,
    [property: Id(1)] int[] Onsite,
    [property: Id(2)] int[] Remote,
    [property: Id(3)] int Voters,
    [property: Id(4)] int VotersOnsite,
    [property: Id(5)] int VotersRemote,
    [property: Id(6)] int Sessions = 1,
    [property: Id(7)] OptionTotals? Scores = null,
    [property: Id(8)] OptionTotals? Totals = null,
    [property: Id(9)] OptionMeans? AverageRank = null,
    [property: Id(10)] int[]? NoDevice = null,
    [property: Id(11)] int VotersNoDevice = 0)
{
    public static Tally Of(PollResults r) => new(r.Counts, r.Onsite, r.Remote, r.Voters, r.VotersOnsite, r.VotersRemote,
        Scores: r.Scores, Totals: r.Totals, AverageRank: r.AverageRank, NoDevice: r.NoDevice, VotersNoDevice: r.VotersNoDevice);

    public static Tally Empty(int options) => new(new int[options], new int[options], new int[options], 0, 0, 0, 0);

    public Tally Plus(Tally other)
    {
        var scores = Add(Scores, other.Scores);
        var (voters, onsite, remote) = (Voters + other.Voters, VotersOnsite + other.VotersOnsite, VotersRemote + other.VotersRemote);
        return new(
            Add(Counts, other.Counts), Add(Onsite, other.Onsite), Add(Remote, other.Remote),
            voters, onsite, remote, Sessions + other.Sessions,
            scores, Add(Totals, other.Totals),
            scores is null ? null : new OptionMeans(Ranks(scores.All, voters), Ranks(scores.Onsite, onsite), Ranks(scores.Remote, remote)),
            NoDevice is null && other.NoDevice is null ? null : Add(NoDevice ?? [], other.NoDevice ?? []),
            VotersNoDevice + other.VotersNoDevice);
    }

    /// <summary>
    /// A ranking orders every option, so an option's Borda score over v ballots of n options is
    /// v·n − (sum of its 1-based positions): its average position is n − score / v.
    /// </summary>
    public static double?[] Ranks(int[] scores, int voters) =>
        [.. scores.Select(s => voters == 0 ? (double?)null : Math.Round(scores.Length - (double)s / voters, 2))];

    private static OptionTotals? Add(OptionTotals? a, OptionTotals? b) =>
        a is null ? b : b is null ? a : new(Add(a.All, b.All), Add(a.Onsite, b.Onsite), Add(a.Remote, b.Remote));

    private static int[] Add(int[] a, int[] b) => [.. Enumerable.Range(0, Math.Max(a.Length, b.Length)).Select(i => (i < a.Length ? a[i] : 0) + (i < b.Length ? b[i] : 0))];
}

/// <summary>One programme poll as every café sees it: its question and the national tally.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ProgrammePollView")]
public sealed record ProgrammePollView(
    [property: Id(0)] string ProgrammePollId,
    [property: Id(1)] string Question,
    [property: Id(2)] PollKind Kind,
    [property: Id(3)] string[] Options,
    [property: Id(4)] Tally National);

/// <summary>The programme as its cafés see it ("programme" hub event, and GET /api/programmes/{id}).</summary>
[GenerateSerializer, Immutable, Alias("cafe.ProgrammeView")]
public sealed record ProgrammeView(
    [property: Id(0)] string ProgrammeId,
    [property: Id(1)] string Title,
    [property: Id(2)] int Sessions,
    [property: Id(3)] ProgrammePollView[] Polls,
    [property: Id(4)] ProgrammeOpinionView[]? Opinions = null);
