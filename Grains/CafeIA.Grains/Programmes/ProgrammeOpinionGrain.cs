using CafeIA.Grains.Abstractions;
using CafeIA.Grains.Sessions;
using CafeIA.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CafeIA.Grains.Programmes;

public sealed class ProgrammeOpinionState
{
    public string Topic { get; set; } = "";
    public bool PoolStatements { get; set; }

    /// <summary>The national statements in pool order: the seeds, then pooled ones.</summary>
    public List<NationalStatement> Statements { get; set; } = [];

    /// <summary>Statements cafés approved while pooling was off: they join when the organiser turns it on.</summary>
    public List<NationalStatement> Offered { get; set; } = [];

    /// <summary>The cafés the opinion was pushed to.</summary>
    public List<Guid> Sessions { get; set; } = [];

    public bool Exists => Topic.Length > 0;
}

/// <summary>
/// One programme opinion: its national pool (seeds, then cafés' approved statements once the
/// organiser allows it, deduplicated by origin, sent to every café at most once a tick) and the last
/// stage of the national map (<see cref="NationalMapStage"/>). The pool is stored; the map stage is
/// in memory (cafés report again on their next change).
/// </summary>
public sealed partial class ProgrammeOpinionGrain(
    [PersistentState("programmeOpinion", StorageNames.Cafe)] IPersistentState<ProgrammeOpinionState> store,
    IGrainFactory grains,
    IOptions<SessionLimits> limits,
    ILogger<ProgrammeOpinionGrain> log) : Grain, IProgrammeOpinionGrain
{
    /// <summary>The national map is recomputed, and the pool sent, at most once per tick.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private NationalMapStage? _stage;
    private bool _poolDue;

    private (Guid ProgrammeId, string ProgrammeOpinionId) Key => ProgrammeOpinionKey.Parse(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stage = new NationalMapStage(grains, Key.ProgrammeOpinionId, log);
        this.RegisterGrainTimer(OnTick, new GrainTimerCreationOptions(Tick, Tick) { Interleave = false, KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task<NationalStatement[]> Define(string topic, string[] seeds, bool poolStatements, Guid[] sessions)
    {
        if (!store.State.Exists)
        {
            store.State.Topic = topic;
            store.State.PoolStatements = poolStatements;
            store.State.Statements = [.. seeds.Select((text, i) => new NationalStatement($"n{i + 1}", text))];
            store.State.Sessions = [.. sessions];
            await store.WriteStateAsync();
        }
        return [.. store.State.Statements];
    }

    public async Task<ProgrammeOpinionView> SetPool(bool poolStatements)
    {
        if (store.State.PoolStatements != poolStatements)
        {
            store.State.PoolStatements = poolStatements;
            if (poolStatements)
            {
                foreach (var offered in store.State.Offered)
                {
                    Pool(offered);
                }
                store.State.Offered.Clear();
            }
            await store.WriteStateAsync();
            _poolDue = true;
        }
        return View();
    }

    public Task<ProgrammeOpinionView?> GetView() => Task.FromResult(store.State.Exists ? View() : null);

    public async Task Offer(Guid sessionId, string statementId, string text)
    {
        if (!store.State.Exists || !store.State.Sessions.Contains(sessionId))
        {
            return;
        }
        bool Same(NationalStatement s) => s.OriginSession == sessionId && s.OriginStatementId == statementId;
        if (store.State.Statements.Exists(Same) || store.State.Offered.Exists(Same))
        {
            // Deduplicated by origin: approved again after being hidden, or offered twice.
            return;
        }
        var offered = new NationalStatement("", text, sessionId, statementId);
        if (store.State.PoolStatements)
        {
            Pool(offered);
            _poolDue = true;
        }
        else
        {
            store.State.Offered.Add(offered);
        }
        await store.WriteStateAsync();
    }

    public Task ShardOpinion(int shard, ShardOpinionTotals totals)
    {
        _stage!.Shard(shard, totals);
        return Task.CompletedTask;
    }

    private void Pool(NationalStatement offered)
    {
        if (store.State.Statements.Count < limits.Value.MaxStatementsPerOpinion)
        {
            store.State.Statements.Add(offered with { NationalId = $"n{store.State.Statements.Count + 1}" });
        }
    }

    private async Task OnTick(CancellationToken cancellationToken)
    {
        if (_poolDue)
        {
            _poolDue = false;
            await SendPool();
        }
        await _stage!.Run();
    }

    /// <summary>The whole pool to every café (each adds what it lacks), and the programme's view.</summary>
    private async Task SendPool()
    {
        var (programmeId, programmeOpinionId) = Key;
        NationalStatement[] pool = [.. store.State.Statements];
        await Task.WhenAll(store.State.Sessions.Select(async s =>
        {
            try
            {
                await grains.GetGrain<ISessionGrain>(s).SetNationalStatements(programmeId, programmeOpinionId, pool);
            }
            catch (Exception ex)
            {
                LogPoolFailed(log, ex, s, programmeOpinionId);
            }
        }));
        _ = grains.GetGrain<IProgrammeGrain>(programmeId).OpinionChanged(View());
    }

    private ProgrammeOpinionView View() =>
        new(Key.ProgrammeOpinionId, store.State.Topic, store.State.PoolStatements,
            [.. store.State.Statements.Select(s => s with { OriginSession = null, OriginStatementId = null })], store.State.Offered.Count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the national pool of {ProgrammeOpinionId} to café {SessionId} failed")]
    private static partial void LogPoolFailed(ILogger logger, Exception ex, Guid sessionId, string programmeOpinionId);
}
