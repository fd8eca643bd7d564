using System.Diagnostics;
using CafeIA.Domain.Opinions.Map;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace CafeIA.Grains.Opinions;

/// <summary>
/// One opinion's map, computed apart from its session: the session grain never waits for it.
/// It keeps its own <see cref="VoteMatrix"/>, fed after each of the session's commits (in order,
/// each feed with its batch's seq) and rebuilt from the session when it starts, when the session
/// was reactivated (another activation id) or when asked (a statement left the map). A timer
/// recomputes at most once per <see cref="Tick"/>, only when votes changed since the last run,
/// with the previous run's <see cref="OpinionMapMemory"/> (warm start, stable groups), and hands the
/// result to the session, which publishes it. The memory is not stored: a new activation starts
/// cold, which is correct, only less stable for one update.
/// </summary>
[PreferLocalPlacement]
public sealed partial class OpinionMapGrain(IGrainFactory grains, ILogger<OpinionMapGrain> log) : Grain, IOpinionMapGrain
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>Idle ticks before the timer stops (the next feed starts it again).</summary>
    private const int IdleTicks = 30;

    private VoteMatrix? _votes;
    private readonly HashSet<string> _statements = [];
    private Guid _sessionActivation;
    private long _seq;
    private OpinionMapMemory? _memory;
    private bool _changed;
    private long _computations;
    private int _idle;
    private IGrainTimer? _timer;

    private (Guid SessionId, string OpinionId) Key => OpinionMapKey.Parse(this.GetPrimaryKeyString());

    public async Task Feed(OpinionFeed feed)
    {
        if (_votes is null || feed.Rebuild || feed.SessionActivation != _sessionActivation)
        {
            if (!await Rebuild(feed.SessionActivation))
            {
                return;
            }
        }
        if (feed.Seq > _seq)
        {
            foreach (var statement in feed.Statements)
            {
                AddStatement(statement);
            }
            foreach (var vote in feed.Votes.Where(v => _statements.Contains(v.StatementId)))
            {
                _votes!.Set(vote.ParticipantId, vote.StatementId, vote.Vote);
                Voter(vote);
                _changed = true;
            }
            if (feed.National is { } link)
            {
                Linked(link);
            }
            _seq = feed.Seq;
        }
        KeepTicking();
    }

    private void KeepTicking()
    {
        _idle = 0;
        _timer ??= this.RegisterGrainTimer(Recompute, new GrainTimerCreationOptions(Tick, Tick) { Interleave = false, KeepAlive = false });
    }

    /// <summary>Reads every vote again from the session; false if the opinion is gone.</summary>
    private async Task<bool> Rebuild(Guid sessionActivation)
    {
        var (sessionId, opinionId) = Key;
        if (await grains.GetGrain<ISessionGrain>(sessionId).GetOpinionVotes(opinionId) is not { } stored)
        {
            DeactivateOnIdle();
            return false;
        }
        _statements.Clear();
        _votes = new VoteMatrix([]);
        foreach (var statement in stored.Statements)
        {
            AddStatement(statement);
        }
        _onsite.Clear();
        foreach (var vote in stored.Votes)
        {
            _votes.Set(vote.ParticipantId, vote.StatementId, vote.Vote);
            Voter(vote);
        }
        if (stored.National is { } link)
        {
            Linked(link);
        }
        (_sessionActivation, _seq) = (sessionActivation, stored.Seq);
        // The memory stays: it is keyed by statement and participant ids, so it warms a rebuilt matrix too.
        _changed = true;
        return true;
    }

    private void AddStatement(string statementId)
    {
        if (_statements.Add(statementId))
        {
            _votes!.AddStatement(statementId);
        }
    }

    /// <summary>Once per tick, when votes changed: compute, then hand the result to the session (which publishes it).</summary>
    private async Task Recompute(CancellationToken cancellationToken)
    {
        if (!_changed || _votes is null)
        {
            if (++_idle >= IdleTicks)
            {
                _timer?.Dispose();
                _timer = null;
            }
            return;
        }
        _changed = false;
        var started = Stopwatch.GetTimestamp();
        var map = OpinionMapper.Compute(_votes, _memory);
        _memory = map.Memory;
        CafeMetrics.OpinionMapCompute.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        ReportNationally(clusters: true);
        var (sessionId, opinionId) = Key;
        try
        {
            var published = await grains.GetGrain<ISessionGrain>(sessionId).PublishOpinionMap(opinionId, Result(map, ++_computations));
            if (published.Refusal is { Code: RefusalCodes.NotFound })
            {
                DeactivateOnIdle();
            }
        }
        catch (Exception ex)
        {
            // The session is unavailable for now: the next tick publishes again.
            _changed = true;
            LogPublishFailed(log, ex, opinionId);
        }
    }

    private static OpinionMapResult Result(OpinionMap map, long computation) => new(
        computation,
        [.. map.Points.Select(p => new MapPointResult(p.Key, p.Value.X, p.Value.Y, p.Value.Group))],
        [.. map.Groups.Select(g => new MapGroupResult(g.Id, [.. g.Members],
            [.. g.Representative.Select(r => new RepresentativeView(r.StatementId, r.AgreeRate, r.Agrees))]))],
        [.. map.Consensus.Select(c => new ConsensusView(c.StatementId, c.Score))],
        new Dictionary<string, double>(map.Memory.Divisiveness));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the map of opinion {OpinionId} failed; it is published again on the next tick")]
    private static partial void LogPublishFailed(ILogger logger, Exception ex, string opinionId);
}
