using CafeIA.Wire;

namespace CafeIA.Domain.Polls;

/// <summary>What makes a poll well formed, and a ballot valid for it.</summary>
public static class PollRules
{
    /// <summary>Applies a poll definition to a poll (new or draft), or says why it is ill formed.</summary>
    public static Refusal? Define(Poll poll, CreatePollRequest request, SessionLimits limits)
    {
        if (Text.Required(request.Question, limits.MaxPollQuestionLength) is not { } question)
        {
            return Invalid($"A poll question needs 1 to {limits.MaxPollQuestionLength} characters.");
        }
        if (!Enum.IsDefined(request.Kind))
        {
            return Invalid("A poll is single, multiple, wordCloud, rating or openText.");
        }
        string[] options = [];
        int? maxChoices = null, scaleMax = null;
        string? minLabel = null, maxLabel = null;
        switch (request.Kind)
        {
            case PollKind.Single or PollKind.Multiple:
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
        return null;
    }

    /// <summary>The ballot this request casts on this poll, or why it is invalid.</summary>
    public static (Ballot? Ballot, Refusal? Refusal) Ballot(Poll poll, VoteRequest request, SessionLimits limits) => poll.Kind switch
    {
        PollKind.Single or PollKind.Multiple => Choices(poll, request.Choices ?? []),
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
        && (a.Words ?? []).SequenceEqual(b.Words ?? []);

    private static (Ballot?, Refusal?) Choices(Poll poll, int[] choices)
    {
        var distinct = choices.Distinct().Order().ToArray();
        var max = poll.Kind == PollKind.Single ? 1 : poll.MaxChoices ?? poll.Options.Length;
        if (distinct.Length == 0 || distinct.Length != choices.Length || distinct.Any(c => c < 0 || c >= poll.Options.Length))
        {
            return (null, Invalid(poll.Kind == PollKind.Single
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
