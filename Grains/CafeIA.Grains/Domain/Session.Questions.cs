using CafeIA.Domain.Duplicates;
using CafeIA.Wire;

namespace CafeIA.Domain;

public sealed partial class Session
{
    public Outcome<QuestionCreated> Ask(string participantId, AskQuestionRequest request)
    {
        var (author, refusal) = Contributor(participantId);
        if (author is null)
        {
            return Outcome<QuestionCreated>.Refuse(refusal!);
        }
        if (request.OnBehalf && !author.IsStaff)
        {
            return Refuse<QuestionCreated>(RefusalCodes.Forbidden, "Only the staff can ask a question on someone's behalf.");
        }
        if (author.Muted)
        {
            return Refuse<QuestionCreated>(RefusalCodes.Muted, "A moderator has muted you: you can follow and vote, not post.");
        }
        if (state.QuestionsPaused && !author.IsStaff)
        {
            return Refuse<QuestionCreated>(RefusalCodes.Paused, "New questions are paused for now; you can still read and upvote.");
        }
        if (Text.Required(request.Text, limits.MaxQuestionLength) is not { } typed)
        {
            return Refuse<QuestionCreated>(RefusalCodes.Invalid, $"A question needs 1 to {limits.MaxQuestionLength} characters.");
        }
        if (state.Questions.Count >= limits.MaxQuestionsPerSession)
        {
            return Refuse<QuestionCreated>(RefusalCodes.Invalid, "This session has reached its number of questions.");
        }
        var (text, held) = Filtered(typed, author);
        var question = new Question
        {
            Id = $"q{++state.QuestionsAsked}",
            Text = text,
            AuthorId = author.Id,
            AuthorName = request.Anonymous || request.OnBehalf ? null : author.DisplayName,
            AuthorMode = request.OnBehalf ? ParticipantMode.Onsite : author.Mode,
            OnBehalf = request.OnBehalf,
            Status = HeldForModeration(held, author) ? QuestionStatus.Pending : QuestionStatus.Visible,
            Flagged = held,
            EverFlagged = held,
            AskedAt = clock.GetUtcNow(),
            SimilarTo = SimilarOpenQuestions(text),
        };
        state.Questions.Add(question);
        PublishQuestion(question, before: null);
        return Outcome<QuestionCreated>.Ok(new QuestionCreated(question.Id));
    }

    /// <summary>One upvote per participant and question; a second one changes nothing.</summary>
    public Outcome<Done> Upvote(string participantId, string? questionId) =>
        ChangeUpvote(participantId, questionId, (question, voter) => question.Upvoters.Add(voter));

    /// <summary>Retracts one's upvote; retracting one never given changes nothing.</summary>
    public Outcome<Done> RemoveUpvote(string participantId, string? questionId) =>
        ChangeUpvote(participantId, questionId, (question, voter) => question.Upvoters.Remove(voter));

    /// <summary>The author takes their own question back; it disappears from every screen.</summary>
    public Outcome<Done> WithdrawQuestion(string participantId, string? questionId)
    {
        var (author, refusal) = Contributor(participantId);
        if (author is null)
        {
            return Outcome<Done>.Refuse(refusal!);
        }
        if (FindQuestion(questionId) is not { } question || !QuestionVisibility.AuthorSees(question.Status))
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such question.");
        }
        if (question.AuthorId != author.Id)
        {
            return Refuse<Done>(RefusalCodes.Forbidden, "Only its author can withdraw a question.");
        }
        MoveQuestion(question, QuestionStatus.Withdrawn);
        return Ok();
    }

    private Outcome<Done> ChangeUpvote(string participantId, string? questionId, Func<Question, string, bool> change)
    {
        var (voter, refusal) = Contributor(participantId);
        if (voter is null)
        {
            return Outcome<Done>.Refuse(refusal!);
        }
        if (FindQuestion(questionId) is not { Status: QuestionStatus.Visible or QuestionStatus.Pinned } question)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such question to upvote.");
        }
        if (change(question, voter.Id))
        {
            Emit(new QuestionVotesChanged(question.Id, question.Upvoters.Count));
        }
        return Ok();
    }

    private Question? FindQuestion(string? questionId) => state.Questions.Find(q => q.Id == questionId);

    private readonly Dictionary<string, (string Text, QuestionSimilarity.Profile Profile)> _profiles = new(StringComparer.Ordinal);

    /// <summary>
    /// Duplicate suggestions: the open questions (visible, pinned, pending) whose wording is close
    /// to this text, closest first; null when none. Each question's profile is computed once per text.
    /// </summary>
    private List<string>? SimilarOpenQuestions(string text)
    {
        var profile = QuestionSimilarity.Of(text);
        var similar = state.Questions
            .Where(q => q.Status is QuestionStatus.Visible or QuestionStatus.Pinned or QuestionStatus.Pending)
            .Select(q => (q.Id, Score: QuestionSimilarity.Score(profile, ProfileOf(q))))
            .Where(s => s.Score >= QuestionSimilarity.Threshold)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Take(limits.MaxSimilarQuestions)
            .Select(s => s.Id)
            .ToList();
        return similar.Count > 0 ? similar : null;
    }

    private QuestionSimilarity.Profile ProfileOf(Question question)
    {
        if (!_profiles.TryGetValue(question.Id, out var cached) || cached.Text != question.Text)
        {
            _profiles[question.Id] = cached = (question.Text, QuestionSimilarity.Of(question.Text));
        }
        return cached.Profile;
    }

    private void MoveQuestion(Question question, QuestionStatus status)
    {
        var before = question.Status;
        question.Status = status;
        if (QuestionVisibility.IsPublic(status))
        {
            // A moderator let it through: the profanity filter's hold is over.
            question.Flagged = false;
        }
        PublishQuestion(question, before);
    }

    /// <summary>
    /// Tells each audience what it may now see of a question: the staff see everything but
    /// withdrawn and merged questions; participants and the projector see public ones only;
    /// the author also sees their own pending or rejected question (with the reason).
    /// </summary>
    private void PublishQuestion(Question question, QuestionStatus? before)
    {
        var now = question.Status;
        PublishTo(Audience.Staff, QuestionVisibility.StaffSees, View(question, Audience.Staff));
        PublishTo(Audience.Participants | Audience.Projector, QuestionVisibility.IsPublic, View(question, Audience.Participants));
        if (Find(question.AuthorId) is { } author && !author.IsStaff)
        {
            var privately = (QuestionStatus s) => QuestionVisibility.AuthorSees(s) && !QuestionVisibility.IsPublic(s);
            if (privately(now))
            {
                EmitTo(author, new QuestionUpdated(AuthorView(question)));
            }
            else if (before is { } b && privately(b) && !QuestionVisibility.IsPublic(now))
            {
                EmitTo(author, new QuestionRemoved(question.Id, now, question.MergedInto));
            }
        }

        void PublishTo(Audience audience, Func<QuestionStatus, bool> sees, QuestionView view)
        {
            if (sees(now))
            {
                Emit(before is { } b && sees(b) ? new QuestionUpdated(view) : new QuestionAsked(view), audience);
            }
            else if (before is { } b && sees(b))
            {
                Emit(new QuestionRemoved(question.Id, now, question.MergedInto), audience);
            }
        }
    }

    /// <summary>A question as a role group sees it in broadcasts.</summary>
    private static QuestionView View(Question question, Audience audience)
    {
        var staff = audience == Audience.Staff;
        return new QuestionView(
            question.Id, question.Text, question.Upvoters.Count, question.Status, question.AuthorMode, question.AuthorName,
            question.AskedAt, Edited: question.Edited,
            AuthorId: staff && !question.OnBehalf ? question.AuthorId : null,
            RejectReason: staff ? question.RejectReason : null,
            Reply: question.Reply,
            RepliedAt: question.RepliedAt,
            SimilarTo: staff && question.SimilarTo is { Count: > 0 } similar ? [.. similar] : null,
            Flagged: staff && question.Flagged ? true : null,
            OnBehalf: staff && question.OnBehalf ? true : null);
    }

    private static QuestionView AuthorView(Question question) =>
        View(question, Audience.Participants) with { Mine = true, RejectReason = question.RejectReason };

    /// <summary>A question as one participant sees it in their snapshot, with their own marks.</summary>
    private static QuestionView View(Question question, Participant viewer)
    {
        var view = View(question, viewer.IsStaff ? Audience.Staff : Audience.Participants) with
        {
            Mine = question.AuthorId == viewer.Id,
            Upvoted = question.Upvoters.Contains(viewer.Id),
        };
        return question.AuthorId == viewer.Id ? view with { RejectReason = question.RejectReason } : view;
    }

    private static bool Sees(Participant viewer, Question question) =>
        viewer.IsStaff ? QuestionVisibility.StaffSees(question.Status)
        : QuestionVisibility.IsPublic(question.Status)
          || (question.AuthorId == viewer.Id && QuestionVisibility.AuthorSees(question.Status));
}

/// <summary>Who sees a question in each status: one place for the rule.</summary>
public static class QuestionVisibility
{
    public static bool IsPublic(QuestionStatus status) =>
        status is QuestionStatus.Visible or QuestionStatus.Pinned or QuestionStatus.Answered;

    public static bool StaffSees(QuestionStatus status) =>
        status is not (QuestionStatus.Withdrawn or QuestionStatus.Merged);

    public static bool AuthorSees(QuestionStatus status) =>
        IsPublic(status) || status is QuestionStatus.Pending or QuestionStatus.Rejected;
}
