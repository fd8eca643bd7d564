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
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0 || text.Length > limits.MaxQuestionLength)
        {
            return Refuse<QuestionCreated>(RefusalCodes.Invalid, $"A question needs 1 to {limits.MaxQuestionLength} characters.");
        }
        if (state.Questions.Count >= limits.MaxQuestionsPerSession)
        {
            return Refuse<QuestionCreated>(RefusalCodes.Invalid, "This session has reached its number of questions.");
        }
        var question = new Question
        {
            Id = $"q{++state.QuestionsAsked}",
            Text = text,
            AuthorId = author.Id,
            AuthorName = request.Anonymous ? null : author.DisplayName,
            AuthorMode = author.Mode,
            Status = QuestionStatus.Visible,
            AskedAt = clock.GetUtcNow(),
        };
        state.Questions.Add(question);
        Emit(new QuestionAsked(View(question, viewer: null)));
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
        if (FindVisibleQuestion(questionId) is not { } question)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such question.");
        }
        if (question.AuthorId != author.Id)
        {
            return Refuse<Done>(RefusalCodes.Forbidden, "Only its author can withdraw a question.");
        }
        question.Status = QuestionStatus.Withdrawn;
        Emit(new QuestionWithdrawn(question.Id));
        return Ok();
    }

    private Outcome<Done> ChangeUpvote(string participantId, string? questionId, Func<Question, string, bool> change)
    {
        var (voter, refusal) = Contributor(participantId);
        if (voter is null)
        {
            return Outcome<Done>.Refuse(refusal!);
        }
        if (FindVisibleQuestion(questionId) is not { } question)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such question.");
        }
        if (change(question, voter.Id))
        {
            Emit(new QuestionVotesChanged(question.Id, question.Upvoters.Count));
        }
        return Ok();
    }

    private Question? FindVisibleQuestion(string? questionId) =>
        state.Questions.Find(q => q.Id == questionId && q.Status == QuestionStatus.Visible);

    private static QuestionView View(Question question, Participant? viewer) => new(
        question.Id,
        question.Text,
        question.Upvoters.Count,
        question.Status,
        question.AuthorMode,
        question.AuthorName,
        question.AskedAt,
        viewer is null ? null : question.AuthorId == viewer.Id,
        viewer is null ? null : question.Upvoters.Contains(viewer.Id));
}
