using CafeIA.Domain;
using CafeIA.Grains.Abstractions;
using CafeIA.Grains.Sessions;
using CafeIA.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CafeIA.Grains.Programmes;

public sealed class ProgrammeState
{
    public string Title { get; set; } = "";
    public string OrganiserKeyHash { get; set; } = "";
    public string InviteKeyHash { get; set; } = "";
    public List<Guid> Sessions { get; set; } = [];
    public List<ProgrammePoll> Polls { get; set; } = [];

    /// <summary>The programme's opinions as last described by their grains (pool and switch); sessions stored before them have none.</summary>
    public List<ProgrammeOpinionView> Opinions { get; set; } = [];

    /// <summary>Shard → programme poll id → that shard's sum.</summary>
    public Dictionary<int, Dictionary<string, Tally>> Shards { get; set; } = [];

    public bool Exists => OrganiserKeyHash.Length > 0;
}

public sealed class ProgrammePoll
{
    public string Id { get; set; } = "";
    public CreatePollRequest Request { get; set; } = new(null, PollKind.Single);
    public string[] Options { get; set; } = [];
}

/// <summary>
/// A national programme: its cafés, its polls, and the last stage of the national tally (the sum of
/// its shards' sums). Gateways subscribe to it and get the programme, with the national tallies, at
/// most every <see cref="PublishPeriod"/>, and only when something changed; the first look after
/// that (every <see cref="ProgrammeCadence.Settle"/>) that finds no change, they are told the tallies
/// have settled (the last view is the final count).
/// </summary>
public sealed partial class ProgrammeGrain(
    [PersistentState("programme", StorageNames.Cafe)] IPersistentState<ProgrammeState> store,
    IGrainFactory grains,
    IOptions<SessionLimits> limits,
    TimeProvider clock,
    ILogger<ProgrammeGrain> log) : Grain, IProgrammeGrain
{
    public static readonly TimeSpan PublishPeriod = ProgrammeCadence.Publish;
    private readonly Subscribers<IProgrammeObserver> _subscribers = new(clock);
    private bool _changed;
    /// <summary>A view was published and no tick without change has followed it yet.</summary>
    private bool _moving;
    private readonly long _activation = clock.GetUtcNow().UtcTicks;
    private long _published;
    private long? _publishedAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(Publish, new GrainTimerCreationOptions(ProgrammeCadence.Settle, ProgrammeCadence.Settle) { Interleave = false, KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task<Outcome<ProgrammeCreated>> Create(string? title)
    {
        if (store.State.Exists)
        {
            return Outcome<ProgrammeCreated>.Refuse(new Refusal(RefusalCodes.Invalid, "This programme already exists."));
        }
        if (Text.Required(title, limits.Value.MaxTitleLength) is not { } clean)
        {
            return Outcome<ProgrammeCreated>.Refuse(new Refusal(RefusalCodes.Invalid, $"A title needs 1 to {limits.Value.MaxTitleLength} characters."));
        }
        var organiserKey = Secrets.NewKey();
        var inviteKey = Secrets.Derive(organiserKey, "invite");
        (store.State.Title, store.State.OrganiserKeyHash, store.State.InviteKeyHash) = (clean, Secrets.Hash(organiserKey), Secrets.Hash(inviteKey));
        await store.WriteStateAsync();
        return Outcome<ProgrammeCreated>.Ok(new ProgrammeCreated(this.GetPrimaryKey().ToString(), organiserKey, inviteKey));
    }

    public async Task<bool> Enrol(Guid sessionId, string? inviteKey)
    {
        if (!store.State.Exists || inviteKey is null || !Secrets.Matches(inviteKey, store.State.InviteKeyHash))
        {
            return false;
        }
        if (!store.State.Sessions.Contains(sessionId))
        {
            store.State.Sessions.Add(sessionId);
            await store.WriteStateAsync();
            _changed = true;
        }
        return true;
    }

    public async Task<Outcome<ProgrammePollPushed>> PushPoll(string? organiserKey, CreatePollRequest request)
    {
        if (!store.State.Exists || organiserKey is null || !Secrets.Matches(organiserKey, store.State.OrganiserKeyHash))
        {
            return Outcome<ProgrammePollPushed>.Refuse(new Refusal(RefusalCodes.Forbidden, "Only the programme's organiser can push a poll."));
        }
        if (request.Kind is not (PollKind.Single or PollKind.Multiple or PollKind.Rating or PollKind.Ranking or PollKind.Points))
        {
            return Outcome<ProgrammePollPushed>.Refuse(new Refusal(RefusalCodes.Invalid,
                "A programme poll is single, multiple, rating, ranking or points: their counts and scores add up across cafés."));
        }
        var check = new Poll();
        if (CafeIA.Domain.Polls.PollRules.Define(check, request, limits.Value) is { } invalid)
        {
            return Outcome<ProgrammePollPushed>.Refuse(invalid);
        }
        var poll = new ProgrammePoll { Id = $"n{store.State.Polls.Count + 1}", Request = request with { OpId = null }, Options = check.Options };
        store.State.Polls.Add(poll);
        await store.WriteStateAsync();
        _changed = true;
        var programmeId = this.GetPrimaryKey();
        var outcomes = await Task.WhenAll(store.State.Sessions.Select(s =>
            grains.GetGrain<ISessionGrain>(s).AddProgrammePoll(programmeId, poll.Id, poll.Request)));
        return Outcome<ProgrammePollPushed>.Ok(new ProgrammePollPushed(poll.Id, store.State.Sessions.Count, outcomes.Count(o => !o.IsRefused)));
    }

    public async Task<Outcome<ProgrammeOpinionPushed>> PushOpinion(string? organiserKey, PushOpinionRequest request)
    {
        if (!IsOrganiser(organiserKey))
        {
            return Outcome<ProgrammeOpinionPushed>.Refuse(new Refusal(RefusalCodes.Forbidden, "Only the programme's organiser can push an opinion."));
        }
        var rules = limits.Value;
        if (Text.Required(request.Topic, rules.MaxOpinionTopicLength) is not { } topic)
        {
            return Outcome<ProgrammeOpinionPushed>.Refuse(new Refusal(RefusalCodes.Invalid, $"A topic needs 1 to {rules.MaxOpinionTopicLength} characters."));
        }
        var seeds = (request.Statements ?? []).Select(t => Text.Required(t, rules.MaxStatementLength)).ToArray();
        if (seeds.Length > rules.MaxStatementsPerOpinion || seeds.Any(t => t is null))
        {
            return Outcome<ProgrammeOpinionPushed>.Refuse(new Refusal(RefusalCodes.Invalid,
                $"An opinion map has at most {rules.MaxStatementsPerOpinion} statements of 1 to {rules.MaxStatementLength} characters."));
        }
        var id = $"no{store.State.Opinions.Count + 1}";
        store.State.Opinions.Add(new ProgrammeOpinionView(id, topic, request.PoolStatements, []));
        await store.WriteStateAsync();
        var programmeId = this.GetPrimaryKey();
        var opinion = grains.GetGrain<IProgrammeOpinionGrain>(ProgrammeOpinionKey.Of(programmeId, id));
        var statements = await opinion.Define(topic, [.. seeds.Select(t => t!)], request.PoolStatements, [.. store.State.Sessions]);
        store.State.Opinions[^1] = new ProgrammeOpinionView(id, topic, request.PoolStatements, statements);
        _changed = true;
        var outcomes = await Task.WhenAll(store.State.Sessions.Select(s =>
            grains.GetGrain<ISessionGrain>(s).AddProgrammeOpinion(programmeId, id, topic, statements)));
        return Outcome<ProgrammeOpinionPushed>.Ok(new ProgrammeOpinionPushed(id, store.State.Sessions.Count,
            outcomes.Count(o => !o.IsRefused), outcomes.Count(o => o.Value?.Opened == true)));
    }

    public async Task<Outcome<ProgrammeOpinionView>> SetOpinionPool(string? organiserKey, string? programmeOpinionId, bool poolStatements)
    {
        if (!IsOrganiser(organiserKey))
        {
            return Outcome<ProgrammeOpinionView>.Refuse(new Refusal(RefusalCodes.Forbidden, "Only the programme's organiser can set the national pool."));
        }
        if (store.State.Opinions.Find(o => o.ProgrammeOpinionId == programmeOpinionId) is null)
        {
            return Outcome<ProgrammeOpinionView>.Refuse(new Refusal(RefusalCodes.NotFound, "This programme has no such opinion."));
        }
        var view = await grains.GetGrain<IProgrammeOpinionGrain>(ProgrammeOpinionKey.Of(this.GetPrimaryKey(), programmeOpinionId!)).SetPool(poolStatements);
        await OpinionChanged(view);
        return Outcome<ProgrammeOpinionView>.Ok(view);
    }

    public Task OpinionChanged(ProgrammeOpinionView opinion)
    {
        var at = store.State.Opinions.FindIndex(o => o.ProgrammeOpinionId == opinion.ProgrammeOpinionId);
        if (at >= 0)
        {
            store.State.Opinions[at] = opinion;
            _changed = true;
        }
        return Task.CompletedTask;
    }

    private bool IsOrganiser(string? organiserKey) =>
        store.State.Exists && organiserKey is not null && Secrets.Matches(organiserKey, store.State.OrganiserKeyHash);

    public Task<ProgrammeView?> GetView() => Task.FromResult(store.State.Exists ? View() : null);

    public Task ShardTotals(int shard, Dictionary<string, Tally> totals)
    {
        store.State.Shards[shard] = totals;
        _changed = true;
        return Task.CompletedTask;
    }

    public Task Subscribe(IProgrammeObserver observer)
    {
        _subscribers.Renew(observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IProgrammeObserver observer)
    {
        _subscribers.Remove(observer);
        return Task.CompletedTask;
    }

    private async Task Publish(CancellationToken cancellationToken)
    {
        if (!store.State.Exists)
        {
            return;
        }
        if (!_changed)
        {
            if (_moving)
            {
                _moving = false;
                var (final, same) = (View(), new ProgrammeEdition(_activation, _published));
                _subscribers.Publish(o => o.OnSettled(final, same), log, this.GetPrimaryKey());
            }
            return;
        }
        // Looks come every Settle period: a publish waits for the first one a Publish period after the last (timers run a little early or late).
        if (_publishedAt is { } at && clock.GetElapsedTime(at) < PublishPeriod - ProgrammeCadence.Settle / 2)
        {
            return;
        }
        (_changed, _moving, _publishedAt) = (false, true, clock.GetTimestamp());
        await store.WriteStateAsync(cancellationToken);
        var (view, edition) = (View(), new ProgrammeEdition(_activation, ++_published));
        _subscribers.Publish(o => o.OnProgramme(view, edition), log, this.GetPrimaryKey());
    }

    private ProgrammeView View() => new(
        this.GetPrimaryKey().ToString(),
        store.State.Title,
        store.State.Sessions.Count,
        [.. store.State.Polls.Select(p => new ProgrammePollView(p.Id, p.Request.Question ?? "", p.Request.Kind, p.Options, National(p)))],
        store.State.Opinions.Count == 0 ? null : [.. store.State.Opinions]);

    private Tally National(ProgrammePoll poll) =>
        store.State.Shards.Values.Select(s => s.GetValueOrDefault(poll.Id)).OfType<Tally>()
            .Aggregate(Tally.Empty(poll.Options.Length), (sum, t) => sum.Plus(t));
}
