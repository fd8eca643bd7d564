using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// An opinion pushed by the café's national programme (docs/PROTOCOL.md, "Opinion map across a
/// programme"): created with the programme's topic and seed statements under their national ids,
/// opened if the café is live; the national pool's statements join it as approved ones; the café's
/// own approved statements are offered to the pool (the programme decides); the national map comes
/// back through <see cref="PublishNationalMap"/>.
/// </summary>
public sealed partial class Session
{
    private readonly List<(Guid ProgrammeId, string ProgrammeOpinionId, string StatementId, string Text)> _poolOffers = [];

    public Outcome<ProgrammeOpinionAdded> AddProgrammeOpinion(Guid programmeId, string programmeOpinionId, string topic, NationalStatement[] statements)
    {
        if (state.ProgrammeId != programmeId)
        {
            return Refuse<ProgrammeOpinionAdded>(RefusalCodes.Forbidden, "This café is not one of this programme's.");
        }
        if (state.Opinions.Find(o => o.NationalOpinionId == programmeOpinionId) is { } existing)
        {
            return Outcome<ProgrammeOpinionAdded>.Ok(new ProgrammeOpinionAdded(existing.Id, existing.State == OpinionState.Open));
        }
        if (state.Phase == SessionPhase.Ended)
        {
            return Refuse<ProgrammeOpinionAdded>(RefusalCodes.Closed, "This session has ended.");
        }
        if (state.Opinions.Count >= limits.MaxOpinionsPerSession)
        {
            return Refuse<ProgrammeOpinionAdded>(RefusalCodes.Invalid, "This session has reached its number of opinion maps.");
        }
        var opinion = new Opinion
        {
            Id = $"o{++state.OpinionsCreated}",
            Topic = topic,
            State = OpinionState.Draft,
            CreatedAt = clock.GetUtcNow(),
            ProgrammeId = programmeId,
            NationalOpinionId = programmeOpinionId,
        };
        state.Opinions.Add(opinion);
        JoinPool(opinion, statements, seeds: true);
        PublishOpinion(opinion);
        if (state.Phase == SessionPhase.Live)
        {
            MoveOpinion(opinion, OpinionState.Open);
        }
        return Outcome<ProgrammeOpinionAdded>.Ok(new ProgrammeOpinionAdded(opinion.Id, opinion.State == OpinionState.Open));
    }

    /// <summary>The national pool as it now is: statements new to this café join as approved (its own are linked, not copied).</summary>
    public Outcome<Done> SetNationalStatements(Guid programmeId, string programmeOpinionId, NationalStatement[] statements)
    {
        if (state.Opinions.Find(o => o.ProgrammeId == programmeId && o.NationalOpinionId == programmeOpinionId) is not { } opinion)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "This café has no such programme opinion.");
        }
        if (state.Phase == SessionPhase.Ended)
        {
            return Refuse<Done>(RefusalCodes.Closed, "This session has ended.");
        }
        JoinPool(opinion, statements, seeds: false);
        return Ok();
    }

    /// <summary>Statements this café approved for a programme opinion since the last take, for the programme's pool (the grain sends them after the commit).</summary>
    public IReadOnlyList<(Guid ProgrammeId, string ProgrammeOpinionId, string StatementId, string Text)> TakePoolOffers()
    {
        var offers = _poolOffers.ToList();
        _poolOffers.Clear();
        return offers;
    }

    private void JoinPool(Opinion opinion, NationalStatement[] statements, bool seeds)
    {
        var changed = false;
        var sessionId = state.Id;
        foreach (var national in statements)
        {
            if (!opinion.NationalStatementIds.Contains(national.NationalId))
            {
                opinion.NationalStatementIds.Add(national.NationalId);
                changed = true;
            }
            if (opinion.Statements.Exists(s => s.NationalId == national.NationalId))
            {
                continue;
            }
            if (national.OriginSession == sessionId && opinion.Statements.Find(s => s.Id == national.OriginStatementId) is { } own)
            {
                // This café's own statement, pooled: linked, not copied.
                own.NationalId = national.NationalId;
                changed = true;
                continue;
            }
            if (opinion.Statements.Count >= limits.MaxStatementsPerOpinion || Text.Required(national.Text, limits.MaxStatementLength) is not { } text)
            {
                continue;
            }
            var statement = new Statement
            {
                Id = $"s{++opinion.StatementsAdded}",
                Text = text,
                AuthorId = "",
                Status = StatementStatus.Approved,
                Seed = seeds,
                Pooled = !seeds,
                NationalId = national.NationalId,
                AddedAt = clock.GetUtcNow(),
            };
            opinion.Statements.Add(statement);
            changed = true;
            if (!seeds)
            {
                PublishStatement(opinion, statement, before: null);
            }
        }
        if (changed)
        {
            MarkDirty();
            Live(opinion).LinkDue = NationalLinkOf(opinion);
        }
    }

    /// <summary>An approved statement of this café's own, in a programme opinion: offered to the national pool.</summary>
    private void OfferToPool(Opinion opinion, Statement statement)
    {
        if (opinion is { ProgrammeId: { } programmeId, NationalOpinionId: { } programmeOpinionId }
            && statement is { Status: StatementStatus.Approved, NationalId: null, Pooled: false, Seed: false })
        {
            _poolOffers.Add((programmeId, programmeOpinionId, statement.Id, statement.Text));
        }
    }

    /// <summary>The national statements in pool order and this café's statement id of each.</summary>
    private static NationalLink? NationalLinkOf(Opinion opinion)
    {
        if (opinion is not { ProgrammeId: { } programmeId, NationalOpinionId: { } programmeOpinionId })
        {
            return null;
        }
        var local = opinion.Statements.Where(s => s.NationalId is not null).ToDictionary(s => s.NationalId!, s => s.Id);
        return new NationalLink(programmeId, programmeOpinionId, [.. opinion.NationalStatementIds],
            [.. opinion.NationalStatementIds.Select(id => local.GetValueOrDefault(id))]);
    }
}
