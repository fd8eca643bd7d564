using CafeIA.Wire;

namespace CafeIA.Domain.Polls;

/// <summary>Results of a poll from its ballots, split on site and remote.</summary>
public static class PollTally
{
    /// <param name="staff">Staff results list open-text answers of every status; others only approved ones.</param>
    public static PollResults Results(Poll poll, bool staff, SessionLimits limits)
    {
        var ballots = poll.Ballots.Values;
        var votersOnsite = ballots.Count(b => b.Mode == ParticipantMode.Onsite);
        var (onsite, remote) = (new int[poll.Options.Length], new int[poll.Options.Length]);
        if (poll.Kind is PollKind.Single or PollKind.Multiple or PollKind.Rating)
        {
            foreach (var ballot in ballots)
            {
                var split = ballot.Mode == ParticipantMode.Onsite ? onsite : remote;
                foreach (var option in ballot.Rating is { } rating ? [rating - 1] : ballot.Choices)
                {
                    split[option]++;
                }
            }
        }
        return new PollResults(
            [.. onsite.Zip(remote, (a, b) => a + b)], onsite, remote,
            ballots.Count, votersOnsite, ballots.Count - votersOnsite,
            Words: poll.Kind == PollKind.WordCloud ? WordCloud.Group(ballots, limits.WordCloudSize, WordCloud.HeldWords(poll), staff) : null,
            Mean: poll.Kind == PollKind.Rating ? Means(ballots) : null,
            Answers: poll.Kind == PollKind.OpenText ? Answers(ballots, staff) : null);
    }

    private static RatingMeans Means(IEnumerable<Ballot> ballots)
    {
        static double? Mean(List<Ballot> subset) => subset.Count == 0 ? null : Math.Round(subset.Average(b => b.Rating!.Value), 2);
        var all = ballots.ToList();
        return new RatingMeans(
            Mean(all),
            Mean([.. all.Where(b => b.Mode == ParticipantMode.Onsite)]),
            Mean([.. all.Where(b => b.Mode == ParticipantMode.Remote)]));
    }

    private static AnswerView[] Answers(IEnumerable<Ballot> ballots, bool staff) =>
        [.. ballots
            .Where(b => staff || b.AnswerStatus == AnswerStatus.Visible)
            .OrderBy(b => b.CastAt)
            .Select(b => new AnswerView(b.AnswerId!, b.Text!, b.Mode, b.AnswerStatus, Flagged: staff && b.Flagged ? true : null))];
}
