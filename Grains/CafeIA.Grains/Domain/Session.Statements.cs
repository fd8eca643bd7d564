using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// Statements of an opinion map: written by participants while it is open (the staff also before),
/// held for a moderator as questions are (pre-moderation, the profanity filter), approved or hidden
/// by the staff. Who sees a statement: <see cref="SeesStatement"/>.
/// </summary>
public sealed partial class Session
{
    public Outcome<StatementAdded> AddStatement(string participantId, AddStatementRequest request)
    {
        var (author, refusal) = Contributor(participantId);
        if (author is null)
        {
            return Outcome<StatementAdded>.Refuse(refusal!);
        }
        if (author.Muted)
        {
            return Refuse<StatementAdded>(RefusalCodes.Muted, "A moderator has muted you: you can follow and vote, not post.");
        }
        if (FindOpinion(request.OpinionId) is not { } opinion || (opinion.State == OpinionState.Draft && !author.IsStaff))
        {
            return Refuse<StatementAdded>(RefusalCodes.NotFound, "There is no such opinion map.");
        }
        if (opinion.State == OpinionState.Closed)
        {
            return Refuse<StatementAdded>(RefusalCodes.Closed, "This opinion map is closed.");
        }
        if (Text.Required(request.Text, limits.MaxStatementLength) is not { } typed)
        {
            return Refuse<StatementAdded>(RefusalCodes.Invalid, $"A statement needs 1 to {limits.MaxStatementLength} characters.");
        }
        if (opinion.Statements.Count >= limits.MaxStatementsPerOpinion)
        {
            return Refuse<StatementAdded>(RefusalCodes.Invalid, $"This opinion map has reached its {limits.MaxStatementsPerOpinion} statements.");
        }
        var (text, held) = Filtered(typed, author);
        var statement = new Statement
        {
            Id = $"s{++opinion.StatementsAdded}",
            Text = text,
            AuthorId = author.Id,
            Status = HeldForModeration(held, author) ? StatementStatus.Pending : StatementStatus.Approved,
            Flagged = held,
            EverFlagged = held,
            AddedAt = clock.GetUtcNow(),
        };
        opinion.Statements.Add(statement);
        PublishStatement(opinion, statement, before: null);
        return Outcome<StatementAdded>.Ok(new StatementAdded(statement.Id));
    }

    /// <summary>Approves a statement (from pending or hidden) or hides it (from pending or approved).</summary>
    public Outcome<Done> ModerateStatement(string participantId, StatementRef request, bool approve)
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
        if (FindOpinion(request.OpinionId) is not { } opinion || opinion.Statements.Find(s => s.Id == request.StatementId) is not { } statement)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such statement.");
        }
        var target = approve ? StatementStatus.Approved : StatementStatus.Hidden;
        if (statement.Status == target)
        {
            return Ok();
        }
        var before = statement.Status;
        statement.Status = target;
        if (approve)
        {
            // A moderator let it through: the profanity filter's hold is over.
            statement.Flagged = false;
        }
        PublishStatement(opinion, statement, before);
        return Ok();
    }

    /// <summary>
    /// Tells each audience what changed: the staff see every statement, the room approved ones, the
    /// author their own whatever its status; the map and the participants' next statements follow.
    /// </summary>
    private void PublishStatement(Opinion opinion, Statement statement, StatementStatus? before)
    {
        var live = Live(opinion);
        if (statement.Status == StatementStatus.Approved && before is null or StatementStatus.Pending)
        {
            live.StatementApproved(statement.Id);
        }
        else if (before is not (null or StatementStatus.Pending))
        {
            // Approved → hidden, or hidden → approved: the statement leaves or rejoins the map with its votes.
            live.RebuildMap();
        }
        if (statement.Status == StatementStatus.Approved)
        {
            OfferToPool(opinion, statement);
        }
        Emit(new OpinionChanged(OpinionView(opinion, Audience.Staff)), Audience.Staff);
        if (opinion.State != OpinionState.Draft && (statement.Status == StatementStatus.Approved || before == StatementStatus.Approved))
        {
            Emit(new OpinionChanged(OpinionView(opinion, Audience.Projector)), Audience.Projector);
            Emit(new OpinionChanged(OpinionView(opinion, Audience.Participants)), Audience.Participants);
        }
        if (Find(statement.AuthorId) is { IsStaff: false } author)
        {
            EmitTo(author, new StatementUpdated(opinion.Id, StatementView(opinion, statement, author)));
        }
        if (opinion.State != OpinionState.Open)
        {
            return;
        }
        if (statement.Status == StatementStatus.Approved)
        {
            OfferNext(opinion, onlyToWaiting: true);
        }
        else if (before == StatementStatus.Approved)
        {
            OfferNext(opinion, onlyToWaiting: false, given: statement.Id);
        }
    }

    /// <summary>Whether this viewer receives the statement: the staff all, the room approved ones, an author their own.</summary>
    private static bool SeesStatement(Participant viewer, Statement statement) =>
        viewer.IsStaff || statement.Status == StatementStatus.Approved || statement.AuthorId == viewer.Id;
}
