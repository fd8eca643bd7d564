using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>The staff's written replies to questions: everyone who sees the question sees the reply; its author is told personally.</summary>
public sealed partial class Session
{
    public Outcome<Done> ReplyToQuestion(string participantId, ReplyRequest request)
    {
        if (QuestionForStaff(participantId, request.QuestionId, out var question) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (Text.Required(request.Text, limits.MaxReplyLength) is not { } typed)
        {
            return Refuse<Done>(RefusalCodes.Invalid, $"A reply needs 1 to {limits.MaxReplyLength} characters.");
        }
        if (!QuestionVisibility.AuthorSees(question!.Status))
        {
            return Refuse<Done>(RefusalCodes.Invalid, "Restore this question before replying: nobody but the staff sees it.");
        }
        var text = StaffText(typed);
        if (text == question.Reply)
        {
            return Ok();
        }
        question.Reply = text;
        question.RepliedAt = clock.GetUtcNow();
        PublishQuestion(question, question.Status);
        if (Find(question.AuthorId) is { } author)
        {
            EmitTo(author, new QuestionReplied(question.Id, text));
        }
        return Ok();
    }

    public Outcome<Done> ClearReply(string participantId, string? questionId)
    {
        if (QuestionForStaff(participantId, questionId, out var question) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (question!.Reply is not null)
        {
            question.Reply = null;
            question.RepliedAt = null;
            PublishQuestion(question, question.Status);
        }
        return Ok();
    }

    /// <summary>Why the staff member may not act on this question now (staff, session not ended, a question the staff see), or null.</summary>
    private Refusal? QuestionForStaff(string participantId, string? questionId, out Question? question)
    {
        question = null;
        var (_, refusal) = Staff(participantId);
        if (refusal is not null)
        {
            return refusal;
        }
        if (state.Phase == SessionPhase.Ended)
        {
            return new Refusal(RefusalCodes.Closed, "This session has ended.");
        }
        question = FindQuestion(questionId);
        return question is null || !QuestionVisibility.StaffSees(question.Status)
            ? new Refusal(RefusalCodes.NotFound, "There is no such question.")
            : null;
    }
}
