using System.Collections.Concurrent;

namespace CafeIA.Bench;

public enum SoakAction { Join, Upvote, Vote, Ask, Read, Reconnect, Leave, Rejoin, LateBallot, Unanswered }

/// <summary>What the whole soak did, counted across cafés: actions acknowledged, refusals by method and code, lost and doubled items.</summary>
public sealed class SoakCounters
{
    private readonly ConcurrentDictionary<SoakAction, int> _actions = new();
    private readonly ConcurrentDictionary<string, int> _refusals = new();
    private int _lost, _doubled, _cafes, _unwatched, _crashed;

    public void Count(SoakAction action) => _actions.AddOrUpdate(action, 1, (_, n) => n + 1);

    public void Refused(string method, string code) => _refusals.AddOrUpdate($"{method}: {code}", 1, (_, n) => n + 1);

    public void Checked(int lost, int doubled, bool unwatched)
    {
        Interlocked.Add(ref _lost, lost);
        Interlocked.Add(ref _doubled, doubled);
        Interlocked.Increment(ref _cafes);
        if (unwatched)
        {
            Interlocked.Increment(ref _unwatched);
        }
    }

    /// <summary>A participant or a café whose loop ended on an exception.</summary>
    public void Crashed() => Interlocked.Increment(ref _crashed);

    public int this[SoakAction action] => _actions.GetValueOrDefault(action);
    public int Lost => _lost;
    public int Doubled => _doubled;
    public int Cafes => _cafes;
    public int UnwatchedCafes => _unwatched;
    public int Crashes => _crashed;
    public int Refusals => _refusals.Values.Sum();
    public string RefusalSummary => _refusals.IsEmpty ? "none" : string.Join(", ", _refusals.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} ×{r.Value}"));
}
