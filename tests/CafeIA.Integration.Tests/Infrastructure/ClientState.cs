using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// What one screen believes the session is: a snapshot, then change batches applied in seq order
/// (the same rules as Web/src/lib/store.ts). Tests compare it with the server's snapshot.
/// </summary>
internal sealed class ClientState
{
    private readonly Dictionary<string, QuestionView> _questions = [];
    private readonly Dictionary<string, PollView> _polls = [];

    public long Seq { get; private set; }
    public Counts Counts { get; private set; } = new(0, 0);
    public bool EasyRead { get; private set; }

    public IReadOnlyDictionary<string, QuestionView> Questions => _questions;
    public IReadOnlyDictionary<string, PollView> Polls => _polls;

    public void Reset(SessionSnapshot snapshot)
    {
        Seq = snapshot.Seq;
        Counts = snapshot.Counts;
        EasyRead = snapshot.EasyRead;
        _questions.Clear();
        foreach (var q in snapshot.Questions)
        {
            _questions[q.Id] = q;
        }
        _polls.Clear();
        foreach (var p in snapshot.Polls)
        {
            _polls[p.Id] = p;
        }
    }

    /// <summary>Applies a batch; false when it reveals a gap (a snapshot is needed).</summary>
    public bool Apply(ChangeBatch batch)
    {
        if (batch.Seq <= Seq)
        {
            return true;
        }
        if ((batch.From ?? batch.Seq) > Seq + 1)
        {
            return false;
        }
        foreach (var change in batch.Events)
        {
            Apply(change);
        }
        Seq = batch.Seq;
        return true;
    }

    private void Apply(SessionEvent change)
    {
        switch (change)
        {
            case QuestionAsked e:
                _questions[e.Question.Id] = e.Question;
                break;
            case QuestionUpdated e:
                _questions[e.Question.Id] = e.Question;
                break;
            case QuestionRemoved e:
                _questions.Remove(e.QuestionId);
                break;
            case QuestionVotesChanged e when _questions.TryGetValue(e.QuestionId, out var q):
                _questions[e.QuestionId] = q with { Votes = e.Votes };
                break;
            case PollUpdated e:
                _polls[e.Poll.Id] = e.Poll;
                break;
            case PollRemoved e:
                _polls.Remove(e.PollId);
                break;
            case PollResultsChanged e when _polls.TryGetValue(e.PollId, out var p):
                _polls[e.PollId] = p with { Results = e.Results };
                break;
            case CountsChanged e:
                Counts = e.Counts;
                break;
            case EasyReadChanged e:
                EasyRead = e.On;
                break;
        }
    }

    /// <summary>What must agree between screens and the server: question votes and poll counts.</summary>
    public string Digest() => string.Join("; ",
        _questions.Values.OrderBy(q => q.Id, StringComparer.Ordinal).Select(q => $"{q.Id}:{q.Votes}:{q.Status}")
            .Concat(_polls.Values.OrderBy(p => p.Id, StringComparer.Ordinal)
                .Select(p => $"{p.Id}:{p.State}:{string.Join(',', p.Results?.Counts ?? [])}:{p.Results?.Voters}")));

    public static string Digest(SessionSnapshot snapshot)
    {
        var state = new ClientState();
        state.Reset(snapshot);
        return state.Digest();
    }
}
