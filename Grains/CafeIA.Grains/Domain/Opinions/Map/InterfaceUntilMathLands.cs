// TEMPORARY (branch h-g only): the interface of docs spec17 so the session and grains compile until
// helper M's math lands on main; this file is deleted at that rebase. It computes no groups.
namespace CafeIA.Domain.Opinions.Map;

public sealed class VoteMatrix
{
    private readonly List<string> _statements = [];
    private readonly Dictionary<string, int> _index = [];
    private readonly Dictionary<string, Dictionary<int, sbyte>> _votes = [];

    public VoteMatrix(IReadOnlyList<string> statementIds)
    {
        foreach (var id in statementIds)
        {
            AddStatement(id);
        }
    }

    public void Set(string participantId, string statementId, sbyte vote)
    {
        if (!_votes.TryGetValue(participantId, out var row))
        {
            _votes[participantId] = row = [];
        }
        row[_index[statementId]] = vote;
    }

    public void AddStatement(string statementId)
    {
        _index[statementId] = _statements.Count;
        _statements.Add(statementId);
    }

    public int Participants => _votes.Count;
    public int Statements => _statements.Count;
}

public sealed class OpinionMapMemory { }

public static class OpinionMapper
{
    public static OpinionMap Compute(VoteMatrix votes, OpinionMapMemory? previous) =>
        new(new Dictionary<string, MapPoint>(), [], [], previous ?? new OpinionMapMemory());
}

public sealed record OpinionMap(
    IReadOnlyDictionary<string, MapPoint> Points,
    IReadOnlyList<OpinionGroup> Groups,
    IReadOnlyList<ConsensusStatement> Consensus,
    OpinionMapMemory Memory);

public sealed record MapPoint(double X, double Y, int Group);
public sealed record OpinionGroup(int Id, IReadOnlyList<string> Members, IReadOnlyList<RepresentativeStatement> Representative);
public sealed record RepresentativeStatement(string StatementId, double AgreeRate, bool Agrees);
public sealed record ConsensusStatement(string StatementId, double Score);

public static class NextStatement
{
    public static string? Choose(VoteMatrix votes, string participantId, OpinionMap? map, IReadOnlyList<string> eligible, int seed) =>
        eligible.Count == 0 ? null : eligible[0];
}
