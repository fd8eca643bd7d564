using CafeIA.Domain.Polls;
using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>The session report: the facilitator reads it, and anyone once the facilitator published it.</summary>
public sealed partial class Session
{
    public Outcome<SessionReport> Report(string? facilitatorKey)
    {
        if (!state.ReportPublic && (facilitatorKey is null || !Secrets.Matches(facilitatorKey, state.FacilitatorKeyHash)))
        {
            return Refuse<SessionReport>(RefusalCodes.Forbidden, "Only the facilitator can read this report until it is published.");
        }
        return Outcome<SessionReport>.Ok(BuildReport());
    }

    public Outcome<Done> SetReportPublic(string participantId, bool isPublic)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (state.ReportPublic != isPublic)
        {
            state.ReportPublic = isPublic;
            Emit(new ReportPublished(isPublic), Audience.Staff);
        }
        return Ok();
    }

    private SessionReport BuildReport()
    {
        var attendees = state.Participants.Values.Where(p => p.Role == Role.Participant).ToList();
        var published = state.Questions.Where(q => q.Status is QuestionStatus.Visible or QuestionStatus.Pinned or QuestionStatus.Answered)
            .OrderByDescending(q => q.Upvoters.Count).ThenBy(q => q.AskedAt)
            .Select(q => new ReportQuestion(q.Id, q.Text, q.Upvoters.Count, q.Status, q.AuthorMode, q.AskedAt, q.Reply))
            .ToArray();
        return new SessionReport(
            SessionReport.SchemaId,
            ReportLicence.Etalab,
            clock.GetUtcNow(),
            new ReportSession(state.Title, state.Language, state.Phase, state.CreatedAt, state.StartedAt, state.EndedAt, state.ReportPublic),
            new ReportAttendance(
                attendees.Count(p => p.Mode == ParticipantMode.Onsite),
                attendees.Count(p => p.Mode == ParticipantMode.Remote),
                state.Attendance.Select(a => a.Onsite).DefaultIfEmpty(0).Max(),
                state.Attendance.Select(a => a.Remote).DefaultIfEmpty(0).Max(),
                [.. state.Attendance.Select(a => new AttendancePoint(a.At, a.Onsite, a.Remote))]),
            new ReportQuestions(
                state.Questions.Count,
                state.Questions.Count(q => q.AuthorMode == ParticipantMode.Onsite),
                state.Questions.Count(q => q.AuthorMode == ParticipantMode.Remote),
                published.Length,
                published.Count(q => q.Status == QuestionStatus.Answered),
                published,
                Replied: published.Count(q => q.Reply is not null),
                Flagged: state.Questions.Count(q => q.EverFlagged),
                AskedOnBehalf: state.Questions.Count(q => q.OnBehalf)),
            [.. state.Polls.Where(p => p.State != PollState.Draft).Select(p =>
                new ReportPoll(p.Id, p.Question, p.Kind, p.State, p.Options, PollTally.Results(p, staff: false, limits), p.ScaleMax,
                    p.Budget, p.Seconds, p.MaxPoints, p is { Kind: PollKind.Quiz, State: PollState.Closed } ? QuizScores(p) : null))],
            [.. state.SpeakingTurns.Select((t, i) => new ReportSpeakingTurn(i + 1, t.Mode, t.Start, t.End))],
            [.. state.Announcements.Select(a => new ReportAnnouncement(a.Text, a.At, a.DismissedAt))],
            ReportQuiz(),
            Reactions: ReactionReport(),
            Kiosks: ReportKiosks(),
            Opinions: ReportOpinions(),
            Cover: ReportCover(),
            Conclusion: state.Conclusion);
    }

    private static ReportQuizScores QuizScores(Poll quiz)
    {
        var ballots = quiz.Ballots.Values.ToList();
        int Correct(Func<Ballot, bool> which) => ballots.Count(b => which(b) && QuizScoring.IsCorrect(quiz, b));
        double? Mean(Func<Ballot, bool> which)
        {
            var scores = ballots.Where(which).Select(b => QuizScoring.Score(quiz, b)).ToList();
            return scores.Count == 0 ? null : Math.Round(scores.Average(), 2);
        }
        return new ReportQuizScores(
            Correct(_ => true), Correct(b => b.Mode == ParticipantMode.Onsite), Correct(b => b.Mode == ParticipantMode.Remote),
            new RatingMeans(Mean(_ => true), Mean(b => b.Mode == ParticipantMode.Onsite), Mean(b => b.Mode == ParticipantMode.Remote)));
    }

    /// <summary>The quiz's players and team scores, once a quiz closed; the names on the leaderboard stay out of open data.</summary>
    private ReportQuiz? ReportQuiz()
    {
        var closed = state.Polls.Count(p => p is { Kind: PollKind.Quiz, State: PollState.Closed });
        return closed == 0 ? null : new ReportQuiz(closed, Standings().Ordered.Count, Standings().Teams());
    }
}
