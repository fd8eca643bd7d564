using CafeIA.Domain.Opinions.Map;
using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// What the session keeps in memory about one opinion, rebuilt from the state when needed: vote
/// counts per statement, its own vote matrix (for choosing a participant's next statement), the
/// last map the map grain handed back, the next statement each participant was last given, and
/// the votes to feed the map grain after the next commit. Nothing here is stored.
/// </summary>
internal sealed class LiveOpinion(Opinion opinion)
{
    private readonly Dictionary<string, int[]> _counts = BuildCounts(opinion);
    private VoteMatrix? _matrix;

    /// <summary>Participants who voted at least once.</summary>
    public int Voters { get; private set; } = opinion.Voters.Values.Count(v => v.Votes.Count > 0);

    /// <summary>Statements whose counts changed since the last batch was taken.</summary>
    public HashSet<string> CountsDue { get; } = [];

    /// <summary>The last recompute: each clustered participant's place, and the dots as screens get them.</summary>
    public Dictionary<string, MapPointResult> Points { get; private set; } = [];
    public MapDot[]? Dots { get; private set; }

    /// <summary>The statement each participant was last given as next (absent: never given one since activation).</summary>
    public Dictionary<string, string?> NextGiven { get; } = [];

    /// <summary>The place each participant was last told (snapshot or opinionMe), to tell them again only when it changed.</summary>
    public Dictionary<string, MapPosition?> PlaceGiven { get; } = [];

    /// <summary>For the map grain, since the last seal: approved statements new to the map, votes, a rebuild.</summary>
    private readonly List<string> _newStatements = [];
    private readonly Dictionary<(string ParticipantId, string StatementId), (sbyte Vote, bool Onsite)> _newVotes = [];
    private bool _rebuild;

    public VoteMatrix Matrix => _matrix ??= BuildMatrix(opinion);

    public static sbyte Weight(StatementVote vote) => vote switch
    {
        StatementVote.Agree => 1,
        StatementVote.Disagree => -1,
        _ => 0,
    };

    /// <summary>One vote cast or changed (previous: the vote it replaces).</summary>
    public void Voted(string participantId, Statement statement, ParticipantMode mode, StatementVote? previous, StatementVote vote, bool firstVote)
    {
        var counts = CountsOf(statement.Id);
        var split = mode == ParticipantMode.Onsite ? 0 : 3;
        if (previous is { } before)
        {
            counts[split + (int)before]--;
        }
        counts[split + (int)vote]++;
        if (firstVote)
        {
            Voters++;
        }
        CountsDue.Add(statement.Id);
        _matrix?.Set(participantId, statement.Id, Weight(vote));
        _newVotes[(participantId, statement.Id)] = (Weight(vote), mode == ParticipantMode.Onsite);
    }

    /// <summary>A statement joined the map (approved for the first time).</summary>
    public void StatementApproved(string statementId)
    {
        _matrix?.AddStatement(statementId);
        _newStatements.Add(statementId);
    }

    /// <summary>The map's statements changed otherwise (a statement hidden, or approved again): everything is read again.</summary>
    public void RebuildMap()
    {
        _matrix = null;
        _rebuild = true;
        _newStatements.Clear();
        _newVotes.Clear();
    }

    public StatementCount Count(Statement statement)
    {
        var c = CountsOf(statement.Id);
        return new StatementCount(statement.Id, c[0] + c[3], c[1] + c[4], c[2] + c[5], new VoteSplit(c[0], c[1], c[2]), new VoteSplit(c[3], c[4], c[5]));
    }

    /// <summary>What the map grain must learn of this commit, or null if nothing.</summary>
    public OpinionFeed? Seal(long seq)
    {
        if (!_rebuild && _newStatements.Count == 0 && _newVotes.Count == 0 && LinkDue is null)
        {
            return null;
        }
        var feed = new OpinionFeed(Guid.Empty, seq, [.. _newStatements],
            [.. _newVotes.Select(v => new MapVote(v.Key.ParticipantId, v.Key.StatementId, v.Value.Vote, v.Value.Onsite))], _rebuild, LinkDue);
        _newStatements.Clear();
        _newVotes.Clear();
        _rebuild = false;
        LinkDue = null;
        return feed;
    }

    /// <summary>The opinion's link to its programme opinion changed (a statement pooled or linked): the next feed carries it.</summary>
    public NationalLink? LinkDue { get; set; }

    /// <summary>The last national map (dots for the staff and the projector), and each placed participant's national group.</summary>
    public NationalDotView[]? NationalDots { get; set; }
    public NationalDotView[]? NationalHere { get; set; }
    public Dictionary<string, int> NationalGroupOf { get; set; } = [];

    /// <summary>The national group each participant was last told.</summary>
    public Dictionary<string, int?> NationalGroupGiven { get; } = [];

    /// <summary>
    /// What NextStatement reads of the last map: how much the groups disagree on each statement. The
    /// session gets only that from the map grain, so it stands in a memory of its own (no dots, no groups).
    /// </summary>
    public OpinionMap? ForNext { get; private set; }

    /// <summary>Takes a recompute's places and dots.</summary>
    public void Mapped(OpinionMapResult map, MapDot[] dots)
    {
        Points = map.Points.ToDictionary(p => p.ParticipantId);
        Dots = dots;
        ForNext = map.Divisiveness is { Count: > 0 } divisiveness
            ? OpinionMap.Empty with { Memory = new OpinionMapMemory { Divisiveness = new Dictionary<string, double>(divisiveness, StringComparer.Ordinal) } }
            : null;
    }

    private int[] CountsOf(string statementId)
    {
        if (!_counts.TryGetValue(statementId, out var counts))
        {
            _counts[statementId] = counts = new int[6];
        }
        return counts;
    }

    private static Dictionary<string, int[]> BuildCounts(Opinion opinion)
    {
        var counts = new Dictionary<string, int[]>();
        foreach (var voter in opinion.Voters.Values)
        {
            var split = voter.Mode == ParticipantMode.Onsite ? 0 : 3;
            foreach (var (statementId, vote) in voter.Votes)
            {
                if (!counts.TryGetValue(statementId, out var c))
                {
                    counts[statementId] = c = new int[6];
                }
                c[split + (int)vote]++;
            }
        }
        return counts;
    }

    /// <summary>The statements the map counts (approved ones, in order) and every vote on them.</summary>
    public static (string[] Statements, List<MapVote> Votes) MapVotes(Opinion opinion)
    {
        var statements = opinion.Statements.Where(s => s.Status == StatementStatus.Approved).Select(s => s.Id).ToArray();
        var approved = statements.ToHashSet();
        var votes = new List<MapVote>();
        foreach (var (participantId, voter) in opinion.Voters)
        {
            foreach (var (statementId, vote) in voter.Votes)
            {
                if (approved.Contains(statementId))
                {
                    votes.Add(new MapVote(participantId, statementId, Weight(vote), voter.Mode == ParticipantMode.Onsite));
                }
            }
        }
        return (statements, votes);
    }

    private static VoteMatrix BuildMatrix(Opinion opinion)
    {
        var (statements, votes) = MapVotes(opinion);
        var matrix = new VoteMatrix(statements);
        foreach (var vote in votes)
        {
            matrix.Set(vote.ParticipantId, vote.StatementId, vote.Vote);
        }
        return matrix;
    }
}
