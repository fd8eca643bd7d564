using CafeIA.Domain.Polls;
using CafeIA.Domain.Profanity;
using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// The profanity filter's modes (docs/PROTOCOL.md, "Profanity filter"). Participants' texts:
/// <c>off</c> lets them through, <c>review</c> holds a flagged one for the staff (even without
/// pre-moderation), <c>mask</c> stores and shows it with the flagged words as •••. The staff's
/// own texts (replies, announcements, edits) are never held: they are masked in review and mask.
/// </summary>
public sealed partial class Session
{
    public Outcome<Done> SetProfanityFilter(string participantId, ProfanityFilterRequest request)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (request.Mode is not { } mode || !Enum.IsDefined(mode))
        {
            return Refuse<Done>(RefusalCodes.Invalid, "The profanity filter is off, review or mask.");
        }
        if (state.ProfanityFilter != mode)
        {
            state.ProfanityFilter = mode;
            Emit(new ProfanityFilterChanged(mode));
        }
        return Ok();
    }

    /// <summary>
    /// Shows (approve) or holds back a word of a word cloud for everyone but the staff, whether the
    /// filter flagged it or not. The word is named as the staff's results spell it (any spelling of it works).
    /// </summary>
    public Outcome<Done> ModerateWord(string participantId, WordModerationRequest request)
    {
        var (_, refusal) = Staff(participantId);
        if (refusal is not null)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (request.Approve is not { } approve || WordCloud.Clean(request.Word) is not { } word)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "Name the word and say whether it is shown (approve: true or false).");
        }
        var key = WordCloud.Key(word);
        if (FindPoll(request.PollId) is not { Kind: PollKind.WordCloud } poll
            || !poll.Ballots.Values.Any(b => b.Words?.Any(w => WordCloud.Key(w) == key) == true))
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such word in this poll.");
        }
        poll.WordDecisions ??= [];
        if (!poll.WordDecisions.TryGetValue(key, out var decided) || decided != approve)
        {
            poll.WordDecisions[key] = approve;
            PublishResults(poll);
        }
        return Ok();
    }

    /// <summary>A participant's text as stored, and whether the filter holds it for review.</summary>
    private (string Text, bool Held) ParticipantText(string text) => state.ProfanityFilter switch
    {
        ProfanityMode.Review => (text, ProfanityFilter.Default.Flags(text)),
        ProfanityMode.Mask => (ProfanityFilter.Default.Check(text).Masked, false),
        _ => (text, false),
    };

    /// <summary>A staff member's text as stored: masked unless the filter is off, never held.</summary>
    private string StaffText(string text) =>
        state.ProfanityFilter == ProfanityMode.Off ? text : ProfanityFilter.Default.Check(text).Masked;

    /// <summary>A text as its author's role has it filtered: held only for participants.</summary>
    private (string Text, bool Held) Filtered(string text, Participant author) =>
        author.IsStaff ? (StaffText(text), false) : ParticipantText(text);
}
