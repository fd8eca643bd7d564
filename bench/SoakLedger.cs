using System.Text.Json;

namespace CafeIA.Bench;

/// <summary>
/// What one café of the soak acknowledged: its questions (id → text), each question's upvoters,
/// each poll's voters, and the calls whose answer never came after every retry (they may or may
/// not have been applied). <see cref="Check"/> compares it with the café's own snapshot: an
/// acknowledged item missing is lost; a count above what was acknowledged plus what is uncertain
/// is doubled.
/// </summary>
public sealed class SoakLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _questions = [];
    private readonly Dictionary<string, HashSet<string>> _upvoters = [];
    private readonly Dictionary<string, HashSet<string>> _voters = [];
    private readonly Dictionary<string, int> _uncertain = [];
    private int _uncertainQuestions;

    public void Asked(string questionId, string text)
    {
        lock (_gate)
        {
            _questions[questionId] = text;
        }
    }

    public void Upvoted(string questionId, string participantId)
    {
        lock (_gate)
        {
            Set(_upvoters, questionId).Add(participantId);
        }
    }

    public void Voted(string pollId, string participantId)
    {
        lock (_gate)
        {
            Set(_voters, pollId).Add(participantId);
        }
    }

    /// <summary>A call that got no answer: the question it would have created, or the upvote or ballot it would have counted.</summary>
    public void Uncertain(string? target)
    {
        lock (_gate)
        {
            if (target is null)
            {
                _uncertainQuestions++;
            }
            else
            {
                _uncertain[target] = _uncertain.GetValueOrDefault(target) + 1;
            }
        }
    }

    /// <summary>A question some participant of the café may upvote (other than the ones it has), or null.</summary>
    public string? QuestionToUpvote(string participantId, Random random)
    {
        lock (_gate)
        {
            var candidates = _questions.Keys.Where(q => !_upvoters.TryGetValue(q, out var voters) || !voters.Contains(participantId)).ToList();
            return candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)];
        }
    }

    public bool HasVoted(string pollId, string participantId)
    {
        lock (_gate)
        {
            return _voters.TryGetValue(pollId, out var voters) && voters.Contains(participantId);
        }
    }

    /// <summary>Lost and doubled items of the café, judged against the staff's snapshot.</summary>
    public (int Lost, int Doubled) Check(JsonElement snapshot)
    {
        lock (_gate)
        {
            var questions = snapshot.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("id").GetString()!);
            var polls = snapshot.GetProperty("polls").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
            var lost = 0;
            var doubled = Math.Max(0, questions.Count - _questions.Count - _uncertainQuestions);
            foreach (var (id, text) in _questions)
            {
                if (!questions.TryGetValue(id, out var question) || question.GetProperty("text").GetString() != text)
                {
                    lost++;
                    continue;
                }
                (lost, doubled) = Compare(question.GetProperty("votes").GetInt32(), _upvoters.GetValueOrDefault(id)?.Count ?? 0, id, lost, doubled);
            }
            foreach (var (id, voters) in _voters)
            {
                var counted = polls.TryGetValue(id, out var poll) ? poll.GetProperty("results").GetProperty("voters").GetInt32() : 0;
                (lost, doubled) = Compare(counted, voters.Count, id, lost, doubled);
            }
            return (lost, doubled);
        }
    }

    private (int Lost, int Doubled) Compare(int counted, int acknowledged, string target, int lost, int doubled) =>
        (lost + Math.Max(0, acknowledged - counted), doubled + Math.Max(0, counted - acknowledged - _uncertain.GetValueOrDefault(target)));

    private static HashSet<string> Set(Dictionary<string, HashSet<string>> sets, string key) =>
        sets.TryGetValue(key, out var set) ? set : sets[key] = [];
}
