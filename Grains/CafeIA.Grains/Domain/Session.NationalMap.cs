using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// The national map of a programme opinion, as this café shows it: handed back by the opinion's map
/// grain after each national recompute and published as one batch. Groups and consensus name this
/// café's statement ids; the national dots and this café's clusters on the national plane go to the
/// staff and the projector; each participant whose national group changed is told theirs.
/// </summary>
public sealed partial class Session
{
    public Outcome<Done> PublishNationalMap(string opinionId, NationalMapResult result)
    {
        if (FindOpinion(opinionId) is not { NationalOpinionId: not null } opinion)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such programme opinion.");
        }
        var local = opinion.Statements.Where(s => s is { NationalId: not null, Status: StatementStatus.Approved }).ToDictionary(s => s.NationalId!, s => s.Id);
        var map = result.Map;
        var groups = map.Groups.Select(g => g with
        {
            Representative = [.. g.Representative.Where(r => local.ContainsKey(r.StatementId))
                .Select(r => r with { StatementId = local[r.StatementId], AgreeRate = Round(r.AgreeRate) })],
        }).ToList();
        var consensus = map.Consensus.Where(c => local.ContainsKey(c.StatementId))
            .Select(c => new ConsensusView(local[c.StatementId], Round(c.Score))).ToList();
        opinion.LastNational = new NationalSummary { At = clock.GetUtcNow(), Groups = groups, Consensus = consensus, Cafes = map.Cafes, People = map.People };
        MarkDirty();
        var live = Live(opinion);
        live.NationalDots = [.. map.Dots.Select(d => d with { X = Round(d.X), Y = Round(d.Y) })];
        live.NationalHere = [.. map.Here.Select(d => d with { X = Round(d.X), Y = Round(d.Y) })];
        live.NationalGroupOf = new Dictionary<string, int>(result.GroupOf);
        Emit(new OpinionNationalChanged(opinion.Id, NationalView(opinion, Audience.Staff)!), Audience.Staff | Audience.Projector);
        Emit(new OpinionNationalChanged(opinion.Id, NationalView(opinion, Audience.Participants)!), Audience.Participants);
        foreach (var participantId in live.NationalGroupOf.Keys.Union(live.NationalGroupGiven.Keys).ToList())
        {
            var group = NationalGroupOf(live, participantId);
            if (live.NationalGroupGiven.GetValueOrDefault(participantId) != group
                && Find(participantId) is { Role: Role.Participant, Revoked: false, Connections: > 0 } participant)
            {
                var next = live.NextGiven.TryGetValue(participantId, out var given) ? given : NextFor(opinion, participant);
                var place = PositionOf(live, participantId);
                live.PlaceGiven[participantId] = place;
                live.NationalGroupGiven[participantId] = group;
                EmitTo(participant, new OpinionMeChanged(opinion.Id, place, next, group));
            }
        }
        return Ok();
    }

    /// <summary>The national map for one audience (dots for the staff and the projector only); null for a café's own opinion.</summary>
    private NationalOpinionView? NationalView(Opinion opinion, Audience audience)
    {
        if (opinion.NationalOpinionId is not { } programmeOpinionId)
        {
            return null;
        }
        var live = Live(opinion);
        var dots = audience != Audience.Participants;
        return new NationalOpinionView(programmeOpinionId,
            [.. opinion.LastNational?.Groups ?? []], [.. opinion.LastNational?.Consensus ?? []],
            dots ? live.NationalDots ?? [] : null, dots ? live.NationalHere ?? [] : null,
            opinion.LastNational?.Cafes ?? 0, opinion.LastNational?.People ?? 0);
    }

    private static int? NationalGroupOf(LiveOpinion live, string participantId) =>
        live.NationalGroupOf.TryGetValue(participantId, out var group) && group >= 0 ? group : null;
}
