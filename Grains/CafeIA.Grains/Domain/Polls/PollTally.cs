using CafeIA.Wire;

namespace CafeIA.Domain.Polls;

/// <summary>Results of a poll from its ballots, split on site and remote, and its recorded show of hands (no device).</summary>
public static class PollTally
{
    /// <param name="staff">Staff results list open-text answers of every status; others only approved ones.</param>
    public static PollResults Results(Poll poll, bool staff, SessionLimits limits)
    {
        var ballots = poll.Ballots.Values;
        var votersOnsite = ballots.Count(b => b.Mode == ParticipantMode.Onsite);
        var n = poll.Options.Length;
        var (onsite, remote) = (new int[n], new int[n]);
        // Ranking: Borda points (n − 1 − position); points poll: the points given.
        var (sumOnsite, sumRemote) = (new int[n], new int[n]);
        foreach (var ballot in ballots)
        {
            var (split, sum) = ballot.Mode == ParticipantMode.Onsite ? (onsite, sumOnsite) : (remote, sumRemote);
            switch (poll.Kind)
            {
                case PollKind.Single or PollKind.Multiple or PollKind.Rating or PollKind.Quiz:
                    foreach (var option in ballot.Rating is { } rating ? [rating - 1] : ballot.Choices)
                    {
                        split[option]++;
                    }
                    break;
                case PollKind.Ranking when ballot.Order is { Length: > 0 } order:
                    split[order[0]]++;
                    for (var position = 0; position < order.Length; position++)
                    {
                        sum[order[position]] += n - 1 - position;
                    }
                    break;
                case PollKind.Points when ballot.Points is { } points:
                    for (var option = 0; option < n; option++)
                    {
                        split[option] += points[option] > 0 ? 1 : 0;
                        sum[option] += points[option];
                    }
                    break;
            }
        }
        var sums = new OptionTotals(Add(sumOnsite, sumRemote), sumOnsite, sumRemote);
        // Absent until the staff record a count: screens show a third part only where there is one.
        var hands = HandCounts.Takes(poll.Kind) && poll.HandCount is not null ? HandCounts.Of(poll) : null;
        var votersNoDevice = hands is null ? 0 : HandCounts.Voters(poll.Kind, hands);
        return new PollResults(
            Add(Add(onsite, remote), hands ?? new int[n]), onsite, remote,
            ballots.Count + votersNoDevice, votersOnsite, ballots.Count - votersOnsite,
            Words: poll.Kind == PollKind.WordCloud ? WordCloud.Group(ballots, limits.WordCloudSize, WordCloud.HeldWords(poll), staff) : null,
            Mean: poll.Kind == PollKind.Rating ? Means(ballots, hands) : null,
            Answers: poll.Kind == PollKind.OpenText ? Answers(ballots, staff) : null,
            Scores: poll.Kind == PollKind.Ranking ? sums : null,
            AverageRank: poll.Kind == PollKind.Ranking
                ? new OptionMeans(Tally.Ranks(sums.All, ballots.Count), Tally.Ranks(sumOnsite, votersOnsite), Tally.Ranks(sumRemote, ballots.Count - votersOnsite))
                : null,
            Totals: poll.Kind == PollKind.Points ? sums : null,
            Correct: poll.Kind == PollKind.Quiz && poll.State == PollState.Closed ? poll.Correct : null,
            NoDevice: hands,
            VotersNoDevice: votersNoDevice);
    }

    private static int[] Add(int[] a, int[] b) => [.. a.Zip(b, (x, y) => x + y)];

    /// <summary>Each raised hand is a vote of its value (index + 1), in the overall mean and its own.</summary>
    private static RatingMeans Means(IEnumerable<Ballot> ballots, int[]? hands)
    {
        static double? Mean(long sum, long count) => count == 0 ? null : Math.Round((double)sum / count, 2);
        static double? MeanOf(List<Ballot> subset) => Mean(subset.Sum(b => (long)b.Rating!.Value), subset.Count);
        var all = ballots.ToList();
        var (handSum, handCount) = (hands?.Select((h, i) => (long)h * (i + 1)).Sum() ?? 0, hands?.Sum(h => (long)h) ?? 0);
        return new RatingMeans(
            Mean(all.Sum(b => (long)b.Rating!.Value) + handSum, all.Count + handCount),
            MeanOf([.. all.Where(b => b.Mode == ParticipantMode.Onsite)]),
            MeanOf([.. all.Where(b => b.Mode == ParticipantMode.Remote)]),
            hands is null ? null : Mean(handSum, handCount));
    }

    private static AnswerView[] Answers(IEnumerable<Ballot> ballots, bool staff) =>
        [.. ballots
            .Where(b => staff || b.AnswerStatus == AnswerStatus.Visible)
            .OrderBy(b => b.CastAt)
            .Select(b => new AnswerView(b.AnswerId!, b.Text!, b.Mode, b.AnswerStatus, Flagged: staff && b.Flagged ? true : null))];
}
