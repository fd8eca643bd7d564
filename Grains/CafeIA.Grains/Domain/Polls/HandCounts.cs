using CafeIA.Wire;

namespace CafeIA.Domain.Polls;

/// <summary>
/// The room's show of hands, for the people without a device: which polls take one, what a valid
/// count is, and how many voters it makes.
/// </summary>
public static class HandCounts
{
    /// <summary>Choice polls and rating scales: a hand goes up for an option or a value.</summary>
    public static bool Takes(PollKind kind) => kind is PollKind.Single or PollKind.Multiple or PollKind.Rating;

    /// <summary>The poll's count, one per option (zeros when none was recorded).</summary>
    public static int[] Of(Poll poll) =>
        poll.HandCount is { } counts && counts.Length == poll.Options.Length ? counts : new int[poll.Options.Length];

    /// <summary>
    /// Single choice and rating: one hand per person, so the sum. Multiple choice: a person may
    /// raise a hand for several options, so the largest count (the fewest people it can be).
    /// </summary>
    public static int Voters(PollKind kind, int[] counts) =>
        counts.Length == 0 ? 0 : kind == PollKind.Multiple ? counts.Max() : counts.Sum();

    /// <summary>Why a count does not fit the poll (null: it fits).</summary>
    public static Refusal? Check(Poll poll, int[]? counts, SessionLimits limits)
    {
        if (!Takes(poll.Kind))
        {
            return new Refusal(RefusalCodes.Invalid, "Only single choice, multiple choice and rating polls take a show of hands.");
        }
        if (poll.State == PollState.Draft)
        {
            return new Refusal(RefusalCodes.Invalid, "Open the poll first: the room raises hands for an opened poll.");
        }
        if (counts is null || counts.Length != poll.Options.Length)
        {
            return new Refusal(RefusalCodes.Invalid, $"Give one count per {(poll.Kind == PollKind.Rating ? "value" : "option")}: {poll.Options.Length} numbers.");
        }
        if (counts.Any(c => c < 0 || c > limits.MaxHandCount))
        {
            return new Refusal(RefusalCodes.Invalid, $"Each count is a whole number from 0 to {limits.MaxHandCount}.");
        }
        return null;
    }
}
