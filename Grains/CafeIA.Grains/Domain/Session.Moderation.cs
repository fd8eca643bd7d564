using CafeIA.Wire;

namespace CafeIA.Domain;

public sealed partial class Session
{
    /// <summary>
    /// The moderator's actions on the question queue. Each moves a question between statuses
    /// (QuestionVisibility says who then sees it); one question at most is pinned.
    /// </summary>
    public Outcome<Done> ModerateQuestion(string participantId, QuestionModeration moderation)
    {
        var (_, refusal) = Staff(participantId);
        if (refusal is not null)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (state.Phase == SessionPhase.Ended)
        {
            return Refuse<Done>(RefusalCodes.Closed, "This session has ended.");
        }
        if (FindQuestion(moderation.QuestionId) is not { } question || !QuestionVisibility.StaffSees(question.Status))
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such question.");
        }
        return moderation.Action switch
        {
            ModerationAction.Approve => Transition(question, QuestionStatus.Visible,
                QuestionStatus.Pending, QuestionStatus.Rejected, QuestionStatus.Hidden),
            ModerationAction.Reject => Reject(question, moderation.Reason),
            ModerationAction.Pin => Pin(question),
            ModerationAction.Unpin => Transition(question, QuestionStatus.Visible, QuestionStatus.Pinned),
            ModerationAction.MarkAnswered => Transition(question, QuestionStatus.Answered, QuestionStatus.Visible, QuestionStatus.Pinned),
            ModerationAction.Hide => Transition(question, QuestionStatus.Hidden,
                QuestionStatus.Pending, QuestionStatus.Visible, QuestionStatus.Pinned, QuestionStatus.Answered),
            ModerationAction.Edit => Edit(question, moderation.Text),
            ModerationAction.Merge => Merge(question, moderation.IntoQuestionId),
            _ => Refuse<Done>(RefusalCodes.Invalid, "Unknown moderation action."),
        };
    }

    /// <summary>
    /// Whether a participant's new text (a question, a statement) waits for a moderator: the
    /// profanity filter held it, or pre-moderation is on (the staff's own texts never wait).
    /// </summary>
    private bool HeldForModeration(bool held, Participant author) => held || (state.PreModeration && !author.IsStaff);

    private Outcome<Done> Transition(Question question, QuestionStatus target, params QuestionStatus[] from)
    {
        if (question.Status == target)
        {
            return Ok();
        }
        if (!from.Contains(question.Status))
        {
            return Refuse<Done>(RefusalCodes.Invalid, $"A {question.Status.ToString().ToLowerInvariant()} question cannot become {target.ToString().ToLowerInvariant()}.");
        }
        MoveQuestion(question, target);
        return Ok();
    }

    private Outcome<Done> Reject(Question question, string? reason)
    {
        var clean = Text.Optional(reason, limits.MaxRejectReasonLength, out var valid);
        if (!valid)
        {
            return Refuse<Done>(RefusalCodes.Invalid, $"A reason has at most {limits.MaxRejectReasonLength} characters.");
        }
        if (question.Status != QuestionStatus.Pending)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "Only a pending question can be rejected; hide a visible one.");
        }
        question.RejectReason = clean;
        MoveQuestion(question, QuestionStatus.Rejected);
        return Ok();
    }

    /// <summary>Pins a question as the one being discussed; the one pinned before goes back to the queue.</summary>
    private Outcome<Done> Pin(Question question)
    {
        if (question.Status is not (QuestionStatus.Visible or QuestionStatus.Answered or QuestionStatus.Pending or QuestionStatus.Pinned))
        {
            return Refuse<Done>(RefusalCodes.Invalid, "Approve this question before pinning it.");
        }
        if (question.Status == QuestionStatus.Pinned)
        {
            return Ok();
        }
        if (state.Questions.Find(q => q.Status == QuestionStatus.Pinned) is { } previous)
        {
            MoveQuestion(previous, QuestionStatus.Visible);
        }
        MoveQuestion(question, QuestionStatus.Pinned);
        return Ok();
    }

    /// <summary>Fixes a question's text; everyone sees that it was edited.</summary>
    private Outcome<Done> Edit(Question question, string? text)
    {
        if (Text.Required(text, limits.MaxQuestionLength) is not { } clean)
        {
            return Refuse<Done>(RefusalCodes.Invalid, $"A question needs 1 to {limits.MaxQuestionLength} characters.");
        }
        clean = StaffText(clean);
        if (clean == question.Text)
        {
            return Ok();
        }
        question.Text = clean;
        question.Edited = true;
        PublishQuestion(question, question.Status);
        return Ok();
    }

    /// <summary>
    /// Folds a duplicate into another question: the duplicate disappears, and its upvotes join the
    /// other's as a set, so a participant who upvoted both still counts once.
    /// </summary>
    private Outcome<Done> Merge(Question duplicate, string? intoId)
    {
        if (FindQuestion(intoId) is not { } target || !QuestionVisibility.StaffSees(target.Status) || target.Status == QuestionStatus.Rejected)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such question to merge into.");
        }
        if (target.Id == duplicate.Id)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "A question cannot be merged into itself.");
        }
        var votesBefore = target.Upvoters.Count;
        target.Upvoters.UnionWith(duplicate.Upvoters);
        duplicate.MergedInto = target.Id;
        MoveQuestion(duplicate, QuestionStatus.Merged);
        if (target.Upvoters.Count != votesBefore)
        {
            if (QuestionVisibility.IsPublic(target.Status))
            {
                Emit(new QuestionVotesChanged(target.Id, target.Upvoters.Count));
            }
            else
            {
                PublishQuestion(target, target.Status);
            }
        }
        return Ok();
    }
}
