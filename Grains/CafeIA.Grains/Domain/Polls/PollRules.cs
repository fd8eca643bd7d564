using CafeIA.Wire;

namespace CafeIA.Domain.Polls;

/// <summary>What makes a poll well formed, and a ballot valid for it.</summary>
public static class PollRules
{
    public const int DefaultBudget = 100, MaxBudget = 10_000;
    public const int MinQuizSeconds = 5, MaxQuizSeconds = 300, DefaultQuizSeconds = 30;
    public const int DefaultQuizPoints = 1000, MaxQuizPoints = 100_000;

    /// <summary>Applies a poll definition to a poll (new or draft), or says why it is ill formed.</summary>
    public static Refusal? Define(Poll poll, CreatePollRequest request, SessionLimits limits)
    {
        if (Text.Required(request.Question, limits.MaxPollQuestionLength) is not { } question)
        {
            return Invalid($"A poll question needs 1 to {limits.MaxPollQuestionLength} characters.");
        }
        if (!Enum.IsDefined(request.Kind))
        {
            return Invalid("A poll is single, multiple, wordCloud, rating, openText, ranking, points or quiz.");
        }
        string[] options = [];
        int? maxChoices = null, scaleMax = null, budget = null, seconds = null, maxPoints = null;
        int[]? correct = null;
        string? minLabel = null, maxLabel = null;
        switch (request.Kind)
        {
            case PollKind.Single or PollKind.Multiple or PollKind.Ranking or PollKind.Points or PollKind.Quiz:
                options = request.Options ?? [];
                if (options.Length < limits.MinPollOptions || options.Length > limits.MaxPollOptions)
                {
                    return Invalid($"A poll has {limits.MinPollOptions} to {limits.MaxPollOptions} options.");
                }
                if (options.Any(o => Text.Required(o, limits.MaxPollOptionLength) is null))
                {
                    return Invalid($"Each option needs 1 to {limits.MaxPollOptionLength} characters.");
                }
                options = [.. options.Select(o => Text.Required(o, limits.MaxPollOptionLength)!)];
                if (request.Kind == PollKind.Multiple && request.MaxChoices is { } max)
                {
                    if (max < 1 || max > options.Length)
                    {
                        return Invalid($"The maximum number of choices is between 1 and {options.Length}.");
                    }
                    maxChoices = max;
                }
                if (request.Kind == PollKind.Points)
                {
                    budget = request.Budget ?? DefaultBudget;
                    if (budget < 1 || budget > MaxBudget)
                    {
                        return Invalid($"A points budget is between 1 and {MaxBudget}.");
                    }
                }
                if (request.Kind == PollKind.Quiz && Quiz(request, options.Length, out correct, out seconds, out maxPoints) is { } invalidQuiz)
                {
                    return invalidQuiz;
                }
                break;
            case PollKind.Rating:
                scaleMax = request.ScaleMax ?? limits.DefaultScale;
                if (scaleMax < limits.MinScale || scaleMax > limits.MaxScale)
                {
                    return Invalid($"A rating scale goes from 1 to {limits.MinScale}..{limits.MaxScale}.");
                }
                minLabel = Text.Optional(request.MinLabel, limits.MaxScaleLabelLength, out var validMin);
                maxLabel = Text.Optional(request.MaxLabel, limits.MaxScaleLabelLength, out var validMax);
                if (!validMin || !validMax)
                {
                    return Invalid($"A scale label has at most {limits.MaxScaleLabelLength} characters.");
                }
                options = [.. Enumerable.Range(1, scaleMax.Value).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))];
                break;
        }
        poll.Question = question;
        poll.Kind = request.Kind;
        poll.Options = options;
        poll.MaxChoices = maxChoices;
        poll.ScaleMax = scaleMax;
        poll.MinLabel = minLabel;
        poll.MaxLabel = maxLabel;
        poll.HideResults = request.HideResults;
        poll.Budget = budget;
        poll.Correct = correct;
        poll.Seconds = seconds;
        poll.MaxPoints = maxPoints;
        return null;
    }

    private static Refusal? Quiz(CreatePollRequest request, int options, out int[]? correct, out int? seconds, out int? points)
    {
        (correct, seconds, points) = (null, request.Seconds ?? DefaultQuizSeconds, request.Points ?? DefaultQuizPoints);
        var given = request.Correct ?? [];
        if (given.Length == 0 || given.Distinct().Count() != given.Length || given.Any(c => c < 0 || c >= options))
        {
            return Invalid("A quiz names its correct options: one or more different option indexes.");
        }
        if (seconds < MinQuizSeconds || seconds > MaxQuizSeconds)
        {
            return Invalid($"A quiz question lasts {MinQuizSeconds} to {MaxQuizSeconds} seconds.");
        }
        if (points < 1 || points > MaxQuizPoints)
        {
            return Invalid($"A quiz question is worth 1 to {MaxQuizPoints} points.");
        }
        correct = [.. given.Order()];
        return null;
    }

    /// <summary>The ballot this request casts on this poll, or why it is invalid.</summary>
    public static (Ballot? Ballot, Refusal? Refusal) Ballot(Poll poll, VoteRequest request, SessionLimits limits) => poll.Kind switch
    {
        PollKind.Single or PollKind.Multiple or PollKind.Quiz => Choices(poll, request.Choices ?? []),
        PollKind.Ranking => Order(poll, request.Order ?? []),
        PollKind.Points => Points(poll, request.Points ?? []),
        PollKind.WordCloud => Words(request.Words ?? [], limits),
        PollKind.Rating => request.Rating is { } r && r >= 1 && r <= poll.ScaleMax
            ? (new Ballot { Rating = r }, null)
            : (null, Invalid($"Give a rating from 1 to {poll.ScaleMax}.")),
        PollKind.OpenText => Text.Required(request.Text, limits.MaxAnswerLength) is { } text
            ? (new Ballot { Text = text }, null)
            : (null, Invalid($"An answer needs 1 to {limits.MaxAnswerLength} characters.")),
        _ => (null, Invalid("Unknown poll kind.")),
    };

    /// <summary>True when two ballots say the same thing (a resubmission changes nothing).</summary>
    public static bool Same(Ballot a, Ballot b) =>
        a.Choices.SequenceEqual(b.Choices) && a.Rating == b.Rating && a.Text == b.Text
        && (a.Words ?? []).SequenceEqual(b.Words ?? [])
        && (a.Order ?? []).SequenceEqual(b.Order ?? []) && (a.Points ?? []).SequenceEqual(b.Points ?? []);

    /// <summary>A ranking orders every option exactly once (no partial order: every ballot weighs the same).</summary>
    private static (Ballot?, Refusal?) Order(Poll poll, int[] order) =>
        order.Length == poll.Options.Length && order.Distinct().Count() == order.Length && order.All(o => o >= 0 && o < poll.Options.Length)
            ? (new Ballot { Order = order }, null)
            : (null, Invalid($"Order all {poll.Options.Length} options, each once, best first."));

    private static (Ballot?, Refusal?) Points(Poll poll, int[] points)
    {
        var budget = poll.Budget ?? DefaultBudget;
        var sum = points.Sum(p => (long)p);
        return points.Length == poll.Options.Length && points.All(p => p >= 0) && sum >= 1 && sum <= budget
            ? (new Ballot { Points = points }, null)
            : (null, Invalid($"Give each of the {poll.Options.Length} options whole points (0 or more), {budget} at most in all."));
    }

    private static (Ballot?, Refusal?) Choices(Poll poll, int[] choices)
    {
        var distinct = choices.Distinct().Order().ToArray();
        // A quiz with one correct option takes one choice; with several, a set (correct when it is exactly those).
        var max = poll.Kind == PollKind.Single || (poll.Kind == PollKind.Quiz && poll.Correct is { Length: 1 }) ? 1 : poll.MaxChoices ?? poll.Options.Length;
        if (distinct.Length == 0 || distinct.Length != choices.Length || distinct.Any(c => c < 0 || c >= poll.Options.Length))
        {
            return (null, Invalid(max == 1
                ? "Choose exactly one of the poll's options."
                : "Choose one or more different options of the poll."));
        }
        return distinct.Length > max
            ? (null, Invalid(max == 1 ? "Choose exactly one of the poll's options." : $"Choose at most {max} options."))
            : (new Ballot { Choices = distinct }, null);
    }

    private static (Ballot?, Refusal?) Words(string[] raw, SessionLimits limits)
    {
        if (raw.Length == 0 || raw.Length > limits.MaxWordsPerBallot)
        {
            return (null, Invalid($"Give 1 to {limits.MaxWordsPerBallot} words."));
        }
        var words = new List<string>();
        foreach (var word in raw)
        {
            if (word is null || word.Length > limits.MaxWordLength * 4 || !Text.IsClean(word) || WordCloud.Clean(word) is not { } clean || clean.Length > limits.MaxWordLength)
            {
                return (null, Invalid($"Each word needs 1 to {limits.MaxWordLength} letters."));
            }
            // The same word twice in one ballot counts once.
            if (!words.Exists(w => WordCloud.Key(w) == WordCloud.Key(clean)))
            {
                words.Add(clean);
            }
        }
        return (new Ballot { Words = [.. words] }, null);
    }

    private static Refusal Invalid(string message) => new(RefusalCodes.Invalid, message);
}
