using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// The opinion map's life (docs/PROTOCOL.md, "Opinion map"): the facilitator prepares an opinion
/// (a topic and seed statements) as a draft, the staff open it in a live session and close it.
/// Statements and votes: Session.Statements.cs, Session.OpinionVotes.cs; the map: Session.OpinionMap.cs.
/// </summary>
public sealed partial class Session
{
    private readonly Dictionary<Opinion, LiveOpinion> _live = [];

    public Outcome<OpinionCreated> CreateOpinion(string participantId, CreateOpinionRequest request)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<OpinionCreated>.Refuse(refusal);
        }
        if (state.Phase == SessionPhase.Ended)
        {
            return Refuse<OpinionCreated>(RefusalCodes.Closed, "This session has ended.");
        }
        if (state.Opinions.Count >= limits.MaxOpinionsPerSession)
        {
            return Refuse<OpinionCreated>(RefusalCodes.Invalid, "This session has reached its number of opinion maps.");
        }
        if (Text.Required(request.Topic, limits.MaxOpinionTopicLength) is not { } topic)
        {
            return Refuse<OpinionCreated>(RefusalCodes.Invalid, $"A topic needs 1 to {limits.MaxOpinionTopicLength} characters.");
        }
        var seeds = request.Statements ?? [];
        if (seeds.Length > limits.MaxStatementsPerOpinion)
        {
            return Refuse<OpinionCreated>(RefusalCodes.Invalid, $"An opinion map has at most {limits.MaxStatementsPerOpinion} statements.");
        }
        var texts = seeds.Select(s => Text.Required(s, limits.MaxStatementLength)).ToArray();
        if (texts.Any(t => t is null))
        {
            return Refuse<OpinionCreated>(RefusalCodes.Invalid, $"A statement needs 1 to {limits.MaxStatementLength} characters.");
        }
        var now = clock.GetUtcNow();
        var opinion = new Opinion { Id = $"o{++state.OpinionsCreated}", Topic = StaffText(topic), State = OpinionState.Draft, CreatedAt = now };
        foreach (var text in texts)
        {
            opinion.Statements.Add(new Statement
            {
                Id = $"s{++opinion.StatementsAdded}",
                Text = StaffText(text!),
                AuthorId = participantId,
                Status = StatementStatus.Approved,
                Seed = true,
                AddedAt = now,
            });
        }
        state.Opinions.Add(opinion);
        PublishOpinion(opinion);
        return Outcome<OpinionCreated>.Ok(new OpinionCreated(opinion.Id));
    }

    /// <summary>Opens (or reopens) an opinion in a live session, or closes it; votes cast stay counted.</summary>
    public Outcome<Done> MoveOpinion(string participantId, string? opinionId, OpinionState target)
    {
        var (_, refusal) = Staff(participantId);
        if (refusal is not null)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (FindOpinion(opinionId) is not { } opinion)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such opinion map.");
        }
        if (state.Phase == SessionPhase.Ended)
        {
            return Refuse<Done>(RefusalCodes.Closed, "This session has ended.");
        }
        if (target == OpinionState.Open && state.Phase != SessionPhase.Live)
        {
            return Refuse<Done>(RefusalCodes.NotLive, "Start the session before opening an opinion map.");
        }
        if (target == OpinionState.Closed && opinion.State == OpinionState.Draft)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "This opinion map has not been opened yet.");
        }
        if (target is not (OpinionState.Open or OpinionState.Closed))
        {
            return Refuse<Done>(RefusalCodes.Invalid, "An opinion map opens or closes.");
        }
        MoveOpinion(opinion, target);
        return Ok();
    }

    private void MoveOpinion(Opinion opinion, OpinionState target)
    {
        if (opinion.State == target)
        {
            return;
        }
        opinion.State = target;
        if (target == OpinionState.Open)
        {
            opinion.OpenedAt = clock.GetUtcNow();
        }
        else
        {
            opinion.ClosedAt = clock.GetUtcNow();
        }
        PublishOpinion(opinion);
        if (target == OpinionState.Open)
        {
            // Every phone needs its first statement.
            OfferNext(opinion, onlyToWaiting: false);
        }
    }

    /// <summary>An ended session takes no more votes: its open opinions close.</summary>
    private void CloseOpinions()
    {
        foreach (var opinion in state.Opinions.Where(o => o.State == OpinionState.Open))
        {
            MoveOpinion(opinion, OpinionState.Closed);
        }
    }

    private Opinion? FindOpinion(string? opinionId) => state.Opinions.Find(o => o.Id == opinionId);

    private LiveOpinion Live(Opinion opinion)
    {
        if (!_live.TryGetValue(opinion, out var live))
        {
            _live[opinion] = live = new LiveOpinion(opinion);
        }
        return live;
    }

    /// <summary>Tells each audience the opinion as it now sees it: drafts to the staff only.</summary>
    private void PublishOpinion(Opinion opinion)
    {
        Emit(new OpinionChanged(OpinionView(opinion, Audience.Staff)), Audience.Staff);
        if (opinion.State != OpinionState.Draft)
        {
            Emit(new OpinionChanged(OpinionView(opinion, Audience.Projector)), Audience.Projector);
            Emit(new OpinionChanged(OpinionView(opinion, Audience.Participants)), Audience.Participants);
        }
    }
}
