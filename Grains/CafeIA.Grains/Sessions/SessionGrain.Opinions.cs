using CafeIA.Grains.Abstractions;
using CafeIA.Wire;

namespace CafeIA.Grains.Sessions;

/// <summary>
/// The opinion map in the session grain: its commands run like any other (votes are acknowledged
/// once their group commit is written); after each commit the votes it made durable go to the
/// opinion's map grain, in order, by a sender of their own that the commit never awaits; the map
/// grain's results come back through <see cref="PublishOpinionMap"/> as one change batch.
/// </summary>
public sealed partial class SessionGrain
{
    private readonly Dictionary<string, OpinionFeedSender> _opinionFeeds = [];

    public Task<Outcome<OpinionCreated>> CreateOpinion(string participantId, CreateOpinionRequest request) =>
        Apply(participantId, s => s.CreateOpinion(participantId, request));

    public Task<Outcome<Done>> MoveOpinion(string participantId, string? opinionId, OpinionState state) =>
        Apply(participantId, s => s.MoveOpinion(participantId, opinionId, state));

    public Task<Outcome<StatementAdded>> AddStatement(string participantId, AddStatementRequest request) =>
        Apply(participantId, s => s.AddStatement(participantId, request));

    public Task<Outcome<Done>> ModerateStatement(string participantId, StatementRef statement, bool approve) =>
        Apply(participantId, s => s.ModerateStatement(participantId, statement, approve));

    public async Task<Outcome<StatementVoted>> VoteStatement(string participantId, VoteStatementRequest request) =>
        Counted(await Apply(participantId, s => s.VoteStatement(participantId, request)), CafeMetrics.StatementVotes);

    public Task<OpinionVotes?> GetOpinionVotes(string opinionId) =>
        Task.FromResult(Exists && !_broken ? _session.OpinionVotes(opinionId) : null);

    public Task<Outcome<Done>> PublishOpinionMap(string opinionId, OpinionMapResult map) =>
        Apply(null, s => s.PublishOpinionMap(opinionId, map));

    /// <summary>After a commit: the votes it wrote, to each concerned map grain (never awaited here).</summary>
    private void FeedOpinionMaps()
    {
        foreach (var (opinionId, feed) in _session.TakeOpinionFeeds())
        {
            FeedSender(opinionId).Send(feed with { SessionActivation = _activation });
        }
    }

    /// <summary>On activation: the maps of open opinions rebuild from the stored votes (their dots are not stored).</summary>
    private void WakeOpinionMaps()
    {
        foreach (var opinionId in _session.OpinionsToMap())
        {
            FeedSender(opinionId).Send(new OpinionFeed(_activation, _state.Seq, [], [], Rebuild: true));
        }
    }

    private OpinionFeedSender FeedSender(string opinionId)
    {
        if (!_opinionFeeds.TryGetValue(opinionId, out var sender))
        {
            _opinionFeeds[opinionId] = sender = new OpinionFeedSender(grains.GetGrain<IOpinionMapGrain>(OpinionMapKey.Of(this.GetPrimaryKey(), opinionId)));
        }
        return sender;
    }
}

/// <summary>
/// Sends one opinion's feeds to its map grain one call at a time, so they arrive in order; what
/// comes meanwhile goes as one merged feed. A call that fails makes the next feed a rebuild, so a
/// lost feed costs a re-read, never a vote missing from the map.
/// </summary>
internal sealed class OpinionFeedSender(IOpinionMapGrain map)
{
    private readonly List<OpinionFeed> _waiting = [];
    private bool _sending;
    private bool _lost;

    public void Send(OpinionFeed feed)
    {
        _waiting.Add(feed);
        if (!_sending)
        {
            _sending = true;
            _ = Pump();
        }
    }

    private async Task Pump()
    {
        try
        {
            while (_waiting.Count > 0)
            {
                var feed = Merged();
                try
                {
                    await map.Feed(feed);
                }
                catch (Exception)
                {
                    _lost = true;
                }
            }
        }
        finally
        {
            _sending = false;
        }
    }

    private OpinionFeed Merged()
    {
        var last = _waiting[^1];
        var merged = new OpinionFeed(last.SessionActivation, last.Seq,
            [.. _waiting.SelectMany(f => f.Statements)], [.. _waiting.SelectMany(f => f.Votes)], _lost || _waiting.Any(f => f.Rebuild));
        _waiting.Clear();
        _lost = false;
        return merged;
    }
}
