using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// The archive (answered and hidden questions, which the staff see apart) and the pause on new
/// questions.
/// </summary>
public sealed partial class Session
{
    /// <summary>An answered or hidden question becomes visible again, to everyone; a visible or pinned one stays as it is.</summary>
    public Outcome<Done> RestoreQuestion(string participantId, string? questionId)
    {
        if (QuestionForStaff(participantId, questionId, out var question) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        return question!.Status switch
        {
            QuestionStatus.Visible or QuestionStatus.Pinned => Ok(),
            QuestionStatus.Answered or QuestionStatus.Hidden => Restored(question),
            _ => Refuse<Done>(RefusalCodes.Invalid, "Only an answered or hidden question is in the archive; approve a pending one."),
        };
    }

    private Outcome<Done> Restored(Question question)
    {
        MoveQuestion(question, QuestionStatus.Visible);
        return Ok();
    }

    /// <summary>While paused, AskQuestion is refused with "paused" (staff excepted); reading and upvoting go on.</summary>
    public Outcome<Done> PauseQuestions(string participantId, PauseQuestionsRequest request)
    {
        if (StaffChange(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (request.Paused is not { } paused)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "Say whether new questions are paused (paused: true or false).");
        }
        if (state.QuestionsPaused != paused)
        {
            state.QuestionsPaused = paused;
            Emit(new QuestionsPausedChanged(paused));
        }
        return Ok();
    }
}
