using System.Net;
using System.Net.Http.Json;
using CafeIA.Gateway.Hosting;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// One screen: a real SignalR .NET client over a real WebSocket. It keeps a copy of the session
/// (snapshot + change batches applied in seq order, like the browser pages) that tests can wait on.
/// </summary>
internal sealed class CafeClient : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ChangeBatch> _batches = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly List<(long From, long Seq, DateTime At)> _arrivals = [];
    private readonly List<ProgrammeView> _programme = [];
    private readonly List<ReactionBurst> _reactions = [];
    /// <summary>Batches that arrived while a join ran.</summary>
    private readonly List<ChangeBatch> _arrivedDuringJoin = [];
    private bool _joining;

    /// <summary>National programme updates ("programme" events, and those change batches carried) as they arrived.</summary>
    public IReadOnlyList<ProgrammeView> ProgrammeUpdates
    {
        get
        {
            lock (_gate)
            {
                return [.. _programme];
            }
        }
    }
    /// <summary>Bursts of live reactions ("reactions" events) as they arrived.</summary>
    public IReadOnlyList<ReactionBurst> ReactionBursts
    {
        get
        {
            lock (_gate)
            {
                return [.. _reactions];
            }
        }
    }

    private string? _joinCode;
    private JoinOptions? _joinOptions;

    public HubConnection Hub { get; }
    public JoinResult Joined { get; private set; } = null!;

    /// <summary>This screen's view of the session, kept like the pages keep theirs.</summary>
    public ClientState State { get; } = new();

    /// <summary>How many times the connection was re-established and the session rejoined.</summary>
    public int Rejoins { get; private set; }

    private CafeClient(Uri baseAddress, bool resilient, CookieContainer? cookies)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/cafe"), o =>
            {
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                // Behind a plain TCP load balancer negotiation and socket could land on two gateways.
                o.SkipNegotiation = resilient;
                // A signed-in browser sends its cookies with the hub's requests too.
                if (cookies is not null)
                {
                    o.Cookies = cookies;
                }
            })
            .AddJsonProtocol(o =>
            {
                JsonSetup.Apply(o.PayloadSerializerOptions);
                o.PayloadSerializerOptions.AllowOutOfOrderMetadataProperties = true;
            });
        if (resilient)
        {
            builder.WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500),
                TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)]);
        }
        Hub = builder.Build();
        Hub.Reconnecting += _ =>
        {
            Volatile.Write(ref _bound, 0);
            return Task.CompletedTask;
        };
        // A reconnected SignalR client is a new connection bound to nothing: rejoin as the same participant.
        Hub.Reconnected += async _ =>
        {
            await Rejoin();
            lock (_gate)
            {
                Rejoins++;
                Volatile.Write(ref _bound, 1);
                Signal();
            }
        };
        Hub.On<ChangeBatch>(ScreenEvents.Changes, batch =>
        {
            var gap = false;
            lock (_gate)
            {
                if (batch.Programme is { } national)
                {
                    _programme.Add(national);
                }
                _arrivals.Add((batch.From ?? batch.Seq, batch.Seq, DateTime.UtcNow));
                if (_joining)
                {
                    // It follows the snapshot the join is about to return: apply it then, like the pages.
                    _arrivedDuringJoin.Add(batch);
                }
                else
                {
                    gap = !State.Apply(batch);
                }
            }
            Record(batch);
            if (gap)
            {
                _ = Resync();
            }
        });
        Hub.On(ScreenEvents.Resync, () => { _ = Resync(); });
        Hub.On<ProgrammeView>(ScreenEvents.Programme, view =>
        {
            lock (_gate)
            {
                _programme.Add(view);
                Signal();
            }
        });
        Hub.On<ReactionBurst>(ScreenEvents.Reactions, burst =>
        {
            lock (_gate)
            {
                _reactions.Add(burst);
                Signal();
            }
        });
        Hub.On<ChangeBatch>(ScreenEvents.Personal, batch => Record(batch with { Seq = -batch.Seq }));
        Hub.Closed += _ =>
        {
            lock (_gate)
            {
                IsClosed = true;
                Signal();
            }
            return Task.CompletedTask;
        };
    }

    public string ParticipantId => Joined.ParticipantId;

    /// <summary>The server closed this connection (e.g. a revoked moderator link).</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Personal batches are recorded with a negated seq, to tell them apart.</summary>
    private void Record(ChangeBatch batch)
    {
        lock (_gate)
        {
            _batches.Add(batch);
            Signal();
        }
    }

    private void Signal()
    {
        _changed.TrySetResult();
        _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Waits until the server has closed this connection.</summary>
    public async Task WaitClosed()
    {
        using var cts = new CancellationTokenSource(Eventually.DefaultTimeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (IsClosed)
                {
                    return;
                }
                changed = _changed.Task;
            }
            await changed.WaitAsync(cts.Token);
        }
    }

    public static async Task<CafeClient> Join(Uri baseAddress, string joinCode, JoinOptions options, bool resilient = false, CookieContainer? cookies = null)
    {
        var client = await Connect(baseAddress, resilient, cookies);
        (client._joinCode, client._joinOptions) = (joinCode, options);
        client.Joined = await client.JoinAndCatchUp(options);
        return client;
    }

    /// <summary>Connected, bound to no session yet; with <paramref name="cookies"/>, as a signed-in browser.</summary>
    public static async Task<CafeClient> Connect(Uri baseAddress, bool resilient = false, CookieContainer? cookies = null)
    {
        var client = new CafeClient(baseAddress, resilient, cookies);
        await client.Hub.StartAsync();
        return client;
    }

    /// <summary>Shared batches as they arrived: the seqs each covers (From..Seq) and when.</summary>
    public IReadOnlyList<(long From, long Seq, DateTime At)> Arrivals
    {
        get
        {
            lock (_gate)
            {
                return [.. _arrivals];
            }
        }
    }

    private async Task Rejoin()
    {
        var options = _joinOptions! with { ResumeToken = Joined.ResumeToken };
        await JoinAndCatchUp(options);
    }

    /// <summary>Joins, then applies the batches that arrived while the join ran (they follow its snapshot).</summary>
    private async Task<JoinResult> JoinAndCatchUp(JoinOptions options)
    {
        lock (_gate)
        {
            _joining = true;
            _arrivedDuringJoin.Clear();
        }
        JoinResult joined;
        try
        {
            joined = await Hub.Call<JoinResult>("JoinSession", _joinCode, options);
        }
        catch
        {
            lock (_gate)
            {
                _joining = false;
                _arrivedDuringJoin.Clear();
            }
            throw;
        }
        var gap = false;
        lock (_gate)
        {
            Joined = joined;
            State.Reset(joined.Snapshot);
            foreach (var batch in _arrivedDuringJoin)
            {
                gap |= !State.Apply(batch);
            }
            _joining = false;
            _arrivedDuringJoin.Clear();
            Signal();
        }
        if (gap)
        {
            _ = Resync();
        }
        return joined;
    }

    private int _resyncing;
    private int _bound = 1;

    /// <summary>Connected and joined: calls act as this participant.</summary>
    public bool IsBound => Hub.State == HubConnectionState.Connected && Volatile.Read(ref _bound) == 1;

    /// <summary>One snapshot request at a time: every batch after a gap would otherwise ask again.</summary>
    /// <summary>How many times this client saw a gap (or was told to resync) and fetched a snapshot.</summary>
    public int Resyncs => Volatile.Read(ref _resyncs);

    private int _resyncs;

    private async Task Resync()
    {
        if (Interlocked.Exchange(ref _resyncing, 1) == 1)
        {
            return;
        }
        Interlocked.Increment(ref _resyncs);
        try
        {
            var snapshot = await Hub.Call<SessionSnapshot>("GetSnapshot");
            lock (_gate)
            {
                State.Reset(snapshot);
                Signal();
            }
        }
        catch (Exception)
        {
            // Disconnected meanwhile: the rejoin brings a fresh snapshot.
        }
        finally
        {
            Volatile.Write(ref _resyncing, 0);
        }
    }

    /// <summary>
    /// Calls until acknowledged, retrying with the same payload (hence the same opId) after a
    /// lost connection: a flaky network must not lose the call nor apply it twice.
    /// </summary>
    public async Task<T> InvokeUntilAcknowledged<T>(string method, object payload, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (IsBound)
                {
                    return await Hub.Call<T>(method, payload);
                }
            }
            catch (HubException)
            {
                throw;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // Connection lost before the answer: wait for the rejoin, then retry.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{method} never acknowledged");
            }
            await Eventually.Get(() => Task.FromResult(IsBound), ok => ok,
                "the connection back", deadline - DateTime.UtcNow > TimeSpan.Zero ? deadline - DateTime.UtcNow : TimeSpan.FromMilliseconds(1));
        }
    }

    /// <summary>Waits until this screen's state satisfies the condition.</summary>
    public async Task WaitForState(Func<ClientState, bool> condition, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Eventually.DefaultTimeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(State))
                {
                    return;
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(TimeSpan.FromMilliseconds(500), cts.Token);
            }
            catch (TimeoutException)
            {
                // Re-check: a state may change without a signal (a snapshot reset under the lock).
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{ParticipantId} never reached: {what}. State: {State.Digest()}");
            }
        }
    }

    public IReadOnlyList<ChangeBatch> Batches
    {
        get
        {
            lock (_gate)
            {
                return [.. _batches];
            }
        }
    }

    /// <summary>Waits until an event matching the predicate has arrived in a change batch.</summary>
    public async Task<T> WaitFor<T>(Func<T, bool> match, TimeSpan? timeout = null) where T : SessionEvent
    {
        using var cts = new CancellationTokenSource(timeout ?? Eventually.DefaultTimeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var found = _batches.SelectMany(b => b.Events).OfType<T>().FirstOrDefault(match);
                if (found is not null)
                {
                    return found;
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{ParticipantId} never received the expected {typeof(T).Name}.");
            }
        }
    }

    /// <summary>Waits until the reaction bursts received so far satisfy the condition; returns them.</summary>
    public async Task<IReadOnlyList<ReactionBurst>> WaitForReactions(Func<IReadOnlyList<ReactionBurst>, bool> condition, string what)
    {
        using var cts = new CancellationTokenSource(Eventually.DefaultTimeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_reactions))
                {
                    return [.. _reactions];
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{ParticipantId} never received {what}; it has {_reactions.Count} bursts.");
            }
        }
    }

    public Task<SessionSnapshot> Snapshot() => Hub.Call<SessionSnapshot>("GetSnapshot");

    public Task<T> Invoke<T>(string method, object payload) => Hub.Call<T>(method, payload);

    /// <summary>A mutating call without other arguments (StartSession, RaiseHand, ...).</summary>
    public Task<T> Invoke<T>(string method) => Hub.Call<T>(method, new OperationRequest());

    public Task Invoke(string method, object payload) => Hub.Call(method, payload);

    public Task Invoke(string method) => Hub.Call(method, new OperationRequest());

    /// <summary>The stable code of a refused call ("forbidden", "closed", ...), read from the result's "refused" field.</summary>
    public static async Task<string> RefusalCode(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<CallRefusedException>(call);
        Assert.False(string.IsNullOrEmpty(refused.Sentence), $"Refusal without a sentence: {refused.Code}");
        return refused.Code;
    }

    public ValueTask DisposeAsync() => Hub.DisposeAsync();

    public static async Task<SessionCreated> CreateSession(Uri baseAddress, string title)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var response = await http.PostAsJsonAsync("/api/sessions", new { title });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SessionCreated>())!;
    }
}
