namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// Participants × statements, one vote each: +1 agree, −1 disagree, 0 pass, or none. A statement's
/// index is its position in creation order, a participant's the order of their first vote; both
/// only grow, so indices stay valid. Per-statement counts are kept as votes arrive, so
/// <see cref="NextStatement"/> reads them without a pass over the matrix.
/// </summary>
public sealed class VoteMatrix
{
    public const sbyte Agree = 1, Disagree = -1, Pass = 0;

    /// <summary>A cell with no vote (stored in the rows; never returned).</summary>
    internal const sbyte None = sbyte.MinValue;

    private readonly List<string> statementIds = [];
    private readonly Dictionary<string, int> statementIndex = new(StringComparer.Ordinal);
    private readonly List<bool> excluded = [];
    private readonly List<int> agrees = [], disagrees = [], passes = [];
    private readonly List<string> participantIds = [];
    private readonly Dictionary<string, int> participantIndex = new(StringComparer.Ordinal);
    private readonly List<sbyte[]> rows = [];
    private readonly List<int> votesCast = [];

    /// <param name="statementIds">The statements in creation order.</param>
    public VoteMatrix(IReadOnlyList<string> statementIds)
    {
        ArgumentNullException.ThrowIfNull(statementIds);
        foreach (var id in statementIds)
        {
            AddStatement(id);
        }
    }

    public int Participants => participantIds.Count;

    public int Statements => statementIds.Count;

    /// <summary>Bumped by every change, so a caller can tell whether a recompute has anything new.</summary>
    public long Version { get; private set; }

    /// <summary>Adds a statement at the end; an id already present is left as it is.</summary>
    public void AddStatement(string statementId)
    {
        ArgumentException.ThrowIfNullOrEmpty(statementId);
        if (statementIndex.ContainsKey(statementId))
        {
            return;
        }
        statementIndex[statementId] = statementIds.Count;
        statementIds.Add(statementId);
        excluded.Add(false);
        agrees.Add(0);
        disagrees.Add(0);
        passes.Add(0);
        Version++;
    }

    /// <summary>Records a participant's vote on a statement, replacing a previous one.</summary>
    /// <exception cref="ArgumentException">The statement is unknown or the vote is not −1, 0 or +1.</exception>
    public void Set(string participantId, string statementId, sbyte vote)
    {
        ArgumentException.ThrowIfNullOrEmpty(participantId);
        if (vote is not (Agree or Disagree or Pass))
        {
            throw new ArgumentOutOfRangeException(nameof(vote), vote, "A vote is +1 (agree), −1 (disagree) or 0 (pass).");
        }
        if (!statementIndex.TryGetValue(statementId, out var s))
        {
            throw new ArgumentException($"Unknown statement '{statementId}'.", nameof(statementId));
        }
        if (!participantIndex.TryGetValue(participantId, out var p))
        {
            p = participantIds.Count;
            participantIndex[participantId] = p;
            participantIds.Add(participantId);
            rows.Add(NewRow(Math.Max(8, statementIds.Count)));
            votesCast.Add(0);
        }
        var row = rows[p];
        if (s >= row.Length)
        {
            var grown = NewRow(Math.Max(statementIds.Count, row.Length * 2));
            row.CopyTo(grown, 0);
            rows[p] = row = grown;
        }
        var old = row[s];
        if (old == vote)
        {
            return;
        }
        if (old == None)
        {
            votesCast[p]++;
        }
        else
        {
            Count(s, old, -1);
        }
        row[s] = vote;
        Count(s, vote, +1);
        Version++;
    }

    /// <summary>
    /// Leaves a statement out of the math (hidden by the moderation) or takes it back; its votes are kept.
    /// </summary>
    public void Exclude(string statementId, bool exclude = true)
    {
        if (!statementIndex.TryGetValue(statementId, out var s))
        {
            throw new ArgumentException($"Unknown statement '{statementId}'.", nameof(statementId));
        }
        if (excluded[s] != exclude)
        {
            excluded[s] = exclude;
            Version++;
        }
    }

    public string StatementId(int statement) => statementIds[statement];

    public string ParticipantId(int participant) => participantIds[participant];

    /// <summary>The statement's index, or −1 when unknown.</summary>
    public int IndexOfStatement(string statementId) => statementIndex.GetValueOrDefault(statementId, -1);

    /// <summary>The participant's index, or −1 when they have not voted.</summary>
    public int IndexOfParticipant(string participantId) => participantIndex.GetValueOrDefault(participantId, -1);

    public bool IsExcluded(int statement) => excluded[statement];

    /// <summary>The vote, or null when the participant has not voted on the statement.</summary>
    public sbyte? VoteAt(int participant, int statement)
    {
        var row = rows[participant];
        return statement < row.Length && row[statement] != None ? row[statement] : null;
    }

    /// <summary>The vote, or null when there is none (unknown participant or statement included).</summary>
    public sbyte? Vote(string participantId, string statementId) =>
        IndexOfParticipant(participantId) is var p and >= 0 && IndexOfStatement(statementId) is var s and >= 0
            ? VoteAt(p, s)
            : null;

    /// <summary>How many statements the participant voted on (excluded statements included).</summary>
    public int VotesCast(int participant) => votesCast[participant];

    /// <summary>The statement's votes so far, by everyone.</summary>
    public StatementVotes VotesOn(int statement) => new(agrees[statement], disagrees[statement], passes[statement]);

    /// <summary>The participant's row: one cell per statement up to its length, <see cref="None"/> where no vote.</summary>
    internal ReadOnlySpan<sbyte> Row(int participant) => rows[participant];

    private void Count(int statement, sbyte vote, int delta)
    {
        var counts = vote switch { Agree => agrees, Disagree => disagrees, _ => passes };
        counts[statement] += delta;
    }

    private static sbyte[] NewRow(int length)
    {
        var row = new sbyte[length];
        Array.Fill(row, None);
        return row;
    }
}

/// <summary>A statement's vote counts.</summary>
public readonly record struct StatementVotes(int Agree, int Disagree, int Pass)
{
    public int Seen => Agree + Disagree + Pass;
}
