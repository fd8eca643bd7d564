using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// The session's side of the opinion map. The map is computed elsewhere (Grains/Opinions): after
/// each commit the grain hands the map grain the votes that commit made durable (<see cref="TakeOpinionFeeds"/>),
/// and the map grain hands back each recompute (<see cref="PublishOpinionMap"/>), which the session
/// publishes as one batch: the groups and consensus to everyone, the dots to the staff and the
/// projector, and to each participant whose place changed their own.
/// </summary>
public sealed partial class Session
{
    /// <summary>A participant is told their place again when their dot moved at least this far (the map spans [-1, 1]).</summary>
    public const double NoticeableMove = 0.05;

    private readonly List<(string OpinionId, OpinionFeed Feed)> _sealedFeeds = [];

    /// <summary>Called as a batch is taken: what it changed of each opinion's votes, under its seq.</summary>
    private void SealOpinionFeeds(long seq)
    {
        foreach (var (opinion, live) in _live)
        {
            if (state.Opinions.Contains(opinion) && live.Seal(seq) is { } feed)
            {
                _sealedFeeds.Add((opinion.Id, feed));
            }
        }
    }

    /// <summary>The map feeds of the batches taken so far (the grain sends them once those are written).</summary>
    public IReadOnlyList<(string OpinionId, OpinionFeed Feed)> TakeOpinionFeeds()
    {
        var feeds = _sealedFeeds.ToList();
        _sealedFeeds.Clear();
        return feeds;
    }

    /// <summary>Open opinions that have votes: their maps are woken when the session activates (the dots are not stored).</summary>
    public IReadOnlyList<string> OpinionsToMap() =>
        [.. state.Opinions.Where(o => o.State == OpinionState.Open && o.Voters.Count > 0).Select(o => o.Id)];

    /// <summary>Every vote of an opinion on its approved statements, for the map grain's rebuild; null if no such opinion.</summary>
    public OpinionVotes? OpinionVotes(string opinionId)
    {
        if (FindOpinion(opinionId) is not { } opinion)
        {
            return null;
        }
        var (statements, votes) = LiveOpinion.MapVotes(opinion);
        return new OpinionVotes(state.Seq, statements, [.. votes], NationalLinkOf(opinion));
    }

    /// <summary>A recompute's result: published as one batch, kept (without dots or names) for the report.</summary>
    public Outcome<Done> PublishOpinionMap(string opinionId, OpinionMapResult map)
    {
        if (FindOpinion(opinionId) is not { } opinion)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such opinion map.");
        }
        var shown = opinion.Statements.Where(s => s.Status == StatementStatus.Approved).Select(s => s.Id).ToHashSet();
        ParticipantMode ModeOf(string participantId) => Find(participantId)?.Mode ?? ParticipantMode.Remote;
        var groups = map.Groups.Select(g => new OpinionGroupView(g.Id, g.Members.Length,
            g.Members.Count(m => ModeOf(m) == ParticipantMode.Onsite), g.Members.Count(m => ModeOf(m) == ParticipantMode.Remote),
            [.. g.Representative.Where(r => shown.Contains(r.StatementId)).Select(r => r with { AgreeRate = Round(r.AgreeRate) })])).ToList();
        var consensus = map.Consensus.Where(c => shown.Contains(c.StatementId)).Select(c => c with { Score = Round(c.Score) }).ToList();
        var dots = map.Points.Select(p => new MapDot(Round(p.X), Round(p.Y), p.Group, ModeOf(p.ParticipantId))).ToArray();
        opinion.LastMap = new OpinionSummary { At = clock.GetUtcNow(), Groups = groups, Consensus = consensus };
        var live = Live(opinion);
        live.Mapped(map with { Points = [.. map.Points.Select(p => p with { X = Round(p.X), Y = Round(p.Y) })] }, dots);
        Emit(new OpinionMapChanged(opinion.Id, [.. groups], [.. consensus], dots, live.Voters), Audience.Staff | Audience.Projector);
        Emit(new OpinionMapChanged(opinion.Id, [.. groups], [.. consensus], null, live.Voters), Audience.Participants);
        foreach (var participantId in live.Points.Keys.Union(live.PlaceGiven.Keys).ToList())
        {
            var now = PositionOf(live, participantId);
            if (Moved(live.PlaceGiven.GetValueOrDefault(participantId), now)
                && Find(participantId) is { Role: Role.Participant, Revoked: false, Connections: > 0 } participant)
            {
                var next = live.NextGiven.TryGetValue(participantId, out var given) ? given : NextFor(opinion, participant);
                live.PlaceGiven[participantId] = now;
                EmitTo(participant, new OpinionMeChanged(opinion.Id, now, next, NationalGroupOf(live, participantId)));
            }
        }
        return Ok();
    }

    /// <summary>Whether a participant's place changed enough to tell them: another group, a noticeable move, in or out of the map.</summary>
    private static bool Moved(MapPosition? then, MapPosition? now) =>
        (then, now) switch
        {
            (null, null) => false,
            ({ } a, { } b) => a.Group != b.Group || Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y))) >= NoticeableMove,
            _ => true,
        };

    /// <summary>Three decimals are plenty for a screen and keep the dots' JSON short.</summary>
    private static double Round(double value) => Math.Round(value, 3);
}
