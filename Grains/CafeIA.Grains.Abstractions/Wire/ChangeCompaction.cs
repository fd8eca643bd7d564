
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
        for (var i = deliveries.Count - 1; i >= 0; i--)
        {
            var delivery = deliveries[i];
            if (Subject(delivery.Event) is not { } subject || replaced.Add((delivery.Event.GetType(), subject, delivery.To, delivery.ParticipantId)))
            {
                kept.Add(delivery);
            }
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
        StatementUpdated statement => $"{statement.OpinionId}/{statement.Statement.Id}",
        _ => null,
    };
}
