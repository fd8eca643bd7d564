
namespace CafeIA.Wire;

/// <summary>
/// Every event sets a value (screens apply them as "set", never as "add"), so within one batch an
/// event that a later one of the same kind, subject and audience replaces carries nothing: a vote
/// storm's hundred "question now has n votes" become the last one, a join wave's counts one count.
/// </summary>
public static class ChangeCompaction
{
    public static Delivery[] Compact(IReadOnlyList<Delivery> deliveries)
    {
        var replaced = new HashSet<(Type, string?, Audience, string?)>();
        var kept = new List<Delivery>(deliveries.Count);
        Dictionary<(string, Audience, string?), (int At, Dictionary<string, StatementCount> Counts)>? counts = null;
        for (var i = deliveries.Count - 1; i >= 0; i--)
        {
            var delivery = deliveries[i];
            if (delivery.Event is StatementCountsChanged changed)
            {
                // Each carries the statements voted on in its commit: merged batches keep the latest count of each, in one event.
                counts ??= [];
                var key = (changed.OpinionId, delivery.To, delivery.ParticipantId);
                if (!counts.TryGetValue(key, out var merged))
                {
                    counts[key] = merged = (kept.Count, []);
                    kept.Add(delivery);
                }
                foreach (var count in changed.Statements)
                {
                    merged.Counts.TryAdd(count.Id, count);
                }
                continue;
            }
            if (Subject(delivery.Event) is not { } subject || replaced.Add((delivery.Event.GetType(), subject, delivery.To, delivery.ParticipantId)))
            {
                kept.Add(delivery);
            }
        }
        foreach (var ((opinionId, _, _), (at, merged)) in counts ?? [])
        {
            kept[at] = kept[at] with { Event = new StatementCountsChanged(opinionId, [.. merged.Values]) };
        }
        kept.Reverse();
        return [.. kept];
    }

    /// <summary>What a replaceable event sets the value of; null for events that must all be kept.</summary>
    private static string? Subject(SessionEvent change) => change switch
    {
        CountsChanged => "",
        QuestionVotesChanged votes => votes.QuestionId,
        PollResultsChanged results => results.PollId,
        HandsChanged => "",
        ScreenChanged => "",
        LeaderboardChanged => "",
        ReactionsChanged => "",
        OpinionChanged changed => changed.Opinion.Id,
        OpinionMapChanged map => map.OpinionId,
        OpinionMeChanged me => me.OpinionId,
        OpinionNationalChanged national => national.OpinionId,
        StatementUpdated statement => $"{statement.OpinionId}/{statement.Statement.Id}",
        AgendaChanged => "",
        ActivityChanged => "",
        DetailsChanged => "",
        _ => null,
    };
}
