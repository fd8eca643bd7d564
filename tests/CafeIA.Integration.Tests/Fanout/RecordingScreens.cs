using System.Collections.Concurrent;
using System.Security.Claims;
using CafeIA.Gateway.Fanout;
using CafeIA.Gateway.Hubs;
using CafeIA.Wire;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Integration.Tests.Fanout;

/// <summary>One send the fan-out made: to groups or connections, which method, what.</summary>
internal sealed record Sent(string[] To, string Method, object Payload);

/// <summary>
/// Records what the fan-out sends, in order, and hands it on (to SignalR in a real host, nowhere in
/// a unit test). <see cref="FailNext"/> makes the next group sends throw, as a broken transport would.
/// </summary>
internal sealed class RecordingScreens(IScreenSender? next = null) : IScreenSender
{
    private readonly ConcurrentQueue<Sent> _sent = new();
    private int _failures;

    public IReadOnlyList<Sent> Sends => [.. _sent];

    public IReadOnlyList<(string ConnectionId, string Group)> Placed => [.. _placed];

    private readonly ConcurrentQueue<(string, string)> _placed = new();

    /// <summary>The next <paramref name="count"/> group sends throw (not a timeout: an unexpected failure).</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    /// <summary>How many sends threw.</summary>
    public int Failed => _failed;

    private int _failed;

    public ICafeScreen Groups(IReadOnlyList<string> groups) => new Recorder(this, [.. groups], next?.Groups(groups), failable: true);

    public ICafeScreen Connections(IReadOnlyList<string> connectionIds) => new Recorder(this, [.. connectionIds], next?.Connections(connectionIds), failable: false);

    public Task AddToGroup(string connectionId, string group, CancellationToken cancellationToken)
    {
        _placed.Enqueue((connectionId, group));
        return next?.AddToGroup(connectionId, group, cancellationToken) ?? Task.CompletedTask;
    }

    private Task Record(string[] to, string method, object payload, bool failable, Func<Task>? send)
    {
        if (failable && Interlocked.Decrement(ref _failures) >= 0)
        {
            Interlocked.Increment(ref _failed);
            throw new InvalidOperationException("The transport broke (injected).");
        }
        _sent.Enqueue(new Sent(to, method, payload));
        return send?.Invoke() ?? Task.CompletedTask;
    }

    /// <summary>One send's addressees, recorded under the event's wire name.</summary>
    private sealed class Recorder(RecordingScreens screens, string[] to, ICafeScreen? next, bool failable) : ICafeScreen
    {
        public Task Changes(ChangeBatch batch, CancellationToken cancellationToken) =>
            screens.Record(to, ScreenEvents.Changes, batch, failable, next is null ? null : () => next.Changes(batch, cancellationToken));

        public Task Personal(ChangeBatch batch, CancellationToken cancellationToken) =>
            screens.Record(to, ScreenEvents.Personal, batch, failable, next is null ? null : () => next.Personal(batch, cancellationToken));

        public Task Resync(CancellationToken cancellationToken) =>
            screens.Record(to, ScreenEvents.Resync, Done.Instance, failable, next is null ? null : () => next.Resync(cancellationToken));

        public Task Reactions(ReactionBurst burst, CancellationToken cancellationToken) =>
            screens.Record(to, ScreenEvents.Reactions, burst, failable, next is null ? null : () => next.Reactions(burst, cancellationToken));

        public Task Programme(ProgrammeView programme, CancellationToken cancellationToken) =>
            screens.Record(to, ScreenEvents.Programme, programme, failable, next is null ? null : () => next.Programme(programme, cancellationToken));

        public Task Refused(Refusal refusal, CancellationToken cancellationToken) =>
            screens.Record(to, ScreenEvents.Refused, refusal, failable, next is null ? null : () => next.Refused(refusal, cancellationToken));
    }
}

/// <summary>A hub connection as <see cref="ConnectionRegistry"/> holds it, without a socket.</summary>
internal sealed class FakeConnection(string connectionId) : HubCallerContext
{
    public bool Aborted { get; private set; }

    public override string ConnectionId => connectionId;
    public override string? UserIdentifier => null;
    public override ClaimsPrincipal? User => null;
    public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
    public override IFeatureCollection Features { get; } = new FeatureCollection();
    public override CancellationToken ConnectionAborted => CancellationToken.None;

    public override void Abort() => Aborted = true;
}
