using CafeIA.Domain.Polls;
using CafeIA.Wire;

namespace CafeIA.Domain;

public sealed partial class Session
{
    /// <summary>
    /// Tells each audience what it may see of a poll: the staff everything, drafts included; the
    /// projector opened polls with their (approved) results; participants opened polls, with
    /// results only when they are live or revealed.
    /// </summary>
    private void PublishPoll(Poll poll)
    {
        var (staff, shown) = Tally(poll);
        Emit(new PollUpdated(PollView(poll, staff, isStaff: true)), Audience.Staff);
        if (poll.State != PollState.Draft)
        {
            Emit(new PollUpdated(PollView(poll, shown, isStaff: false)), Audience.Projector);
            Emit(new PollUpdated(PollView(poll, poll.ResultsPublic ? shown : null, isStaff: false)), Audience.Participants);
        }
    }

    /// <summary>The poll's results changed: they are counted and sent when the batch is taken, once per batch.</summary>
    private void PublishResults(Poll poll)
    {
        _tallyDue.Add(poll);
        MarkDirty();
    }

    private void EmitResults(Poll poll)
    {
        var (staff, shown) = Tally(poll);
        Emit(new PollResultsChanged(poll.Id, staff), Audience.Staff);
        Emit(new PollResultsChanged(poll.Id, shown), poll.ResultsPublic ? Audience.Projector | Audience.Participants : Audience.Projector);
    }

    /// <summary>
    /// The results for the staff and for everyone else, counted once per change: they differ
    /// only by the open-text answers not yet approved and the word-cloud words held back.
    /// </summary>
    private (PollResults Staff, PollResults Shown) Tally(Poll poll)
    {
        var staff = PollTally.Results(poll, staff: true, limits);
        return (staff, poll.Kind is PollKind.OpenText or PollKind.WordCloud ? PollTally.Results(poll, staff: false, limits) : staff);
    }

    private PollView PollView(Poll poll, Audience audience)
    {
        var (staff, shown) = Tally(poll);
        return PollView(poll, audience switch
        {
            Audience.Staff => staff,
            Audience.Projector => shown,
            _ => poll.ResultsPublic ? shown : null,
        }, isStaff: audience == Audience.Staff);
    }

    /// <summary>
    /// The poll as an audience sees it; a quiz's correct options only for the staff until it closes.
    /// A quiz says how many options a ballot may pick (1, or any number when several are right),
    /// never how many are right.
    /// </summary>
    private static PollView PollView(Poll poll, PollResults? results, bool isStaff) => new(
        poll.Id, poll.Question, poll.Kind, poll.Options, poll.State,
        results,
        MaxChoices: poll.Kind == PollKind.Quiz ? (poll.Correct is { Length: 1 } ? 1 : poll.Options.Length) : poll.MaxChoices, ScaleMax: poll.ScaleMax, MinLabel: poll.MinLabel, MaxLabel: poll.MaxLabel,
        HideResults: poll.HideResults, Revealed: poll.Revealed, ProgrammePollId: poll.ProgrammePollId,
        ResultsOnScreen: poll.OnScreen, OpenedAt: poll.State == PollState.Draft ? null : poll.OpenedAt,
        Budget: poll.Budget, Seconds: poll.Seconds, MaxPoints: poll.MaxPoints,
        Correct: isStaff || poll.State == PollState.Closed ? poll.Correct : null,
        ClosesAt: poll.ClosesAt,
        HandCount: isStaff ? poll.HandCount : null);

    /// <summary>A poll as one participant sees it in their snapshot, with their own ballot.</summary>
    private PollView PollView(Poll poll, Participant viewer)
    {
        var audience = viewer.IsStaff ? Audience.Staff : viewer.Role == Role.Projector ? Audience.Projector : Audience.Participants;
        var view = PollView(poll, audience);
        if (!poll.Ballots.TryGetValue(viewer.Id, out var ballot))
        {
            return view;
        }
        var mine = Accepted(poll, ballot);
        return view with
            {
                MyChoices = mine.Choices,
                MyWords = mine.Words,
                MyRating = mine.Rating,
                MyText = mine.Text,
                MyOrder = mine.Order,
                MyPoints = mine.Points,
                MyScore = poll is { Kind: PollKind.Quiz, State: PollState.Closed } ? QuizScoring.Score(poll, ballot) : null,
                MyCorrect = poll is { Kind: PollKind.Quiz, State: PollState.Closed } ? QuizScoring.IsCorrect(poll, ballot) : null,
            };
    }

    private static bool SeesPoll(Participant viewer, Poll poll) => viewer.IsStaff || poll.State != PollState.Draft;
}
