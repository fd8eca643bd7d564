using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// The orders of a question queue. Fairness interleaves remote and on-site questions so neither
/// room drowns the other: each side is ranked by votes (then age), and the merged list alternates
/// sides, starting with the side whose best question has more votes (ties: the older one); when a
/// side runs out, the other continues. Web/src/lib/queue.ts is the same rule for live screens; both
/// are held to one table of cases, Web/test/vectors/question-order.json.
/// </summary>
public static class QuestionQueue
{
    public static IReadOnlyList<QuestionView> Order(IEnumerable<QuestionView> questions, QueueOrder order) => order switch
    {
        QueueOrder.Time => [.. questions.OrderByDescending(q => q.AskedAt).ThenBy(q => q.Id, StringComparer.Ordinal)],
        QueueOrder.Fairness => Fair(questions),
        _ => ByVotes(questions),
    };

    private static List<QuestionView> ByVotes(IEnumerable<QuestionView> questions) =>
        [.. questions.OrderByDescending(q => q.Votes).ThenBy(q => q.AskedAt).ThenBy(q => q.Id, StringComparer.Ordinal)];

    private static List<QuestionView> Fair(IEnumerable<QuestionView> questions)
    {
        var all = questions.ToList();
        var onsite = new Queue<QuestionView>(ByVotes(all.Where(q => q.Mode == ParticipantMode.Onsite)));
        var remote = new Queue<QuestionView>(ByVotes(all.Where(q => q.Mode == ParticipantMode.Remote)));
        var result = new List<QuestionView>(all.Count);
        var next = First(onsite, remote);
        while (onsite.Count + remote.Count > 0)
        {
            var side = next == ParticipantMode.Onsite ? onsite : remote;
            if (side.Count == 0)
            {
                side = next == ParticipantMode.Onsite ? remote : onsite;
            }
            result.Add(side.Dequeue());
            next = next == ParticipantMode.Onsite ? ParticipantMode.Remote : ParticipantMode.Onsite;
        }
        return result;
    }

    private static ParticipantMode First(Queue<QuestionView> onsite, Queue<QuestionView> remote)
    {
        if (onsite.Count == 0 || remote.Count == 0)
        {
            return onsite.Count == 0 ? ParticipantMode.Remote : ParticipantMode.Onsite;
        }
        var (o, r) = (onsite.Peek(), remote.Peek());
        return o.Votes != r.Votes
            ? (o.Votes > r.Votes ? ParticipantMode.Onsite : ParticipantMode.Remote)
            : (o.AskedAt <= r.AskedAt ? ParticipantMode.Onsite : ParticipantMode.Remote);
    }
}
