using CafeIA.Gateway.Hubs;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Security;

/// <summary>
/// Applies the abuse limits to hub traffic, which ASP.NET Core's rate-limiting middleware never
/// sees. A refused call costs one token-bucket check: it never reaches a session, so a flooding
/// client slows down nobody else (SignalR also runs one call per connection at a time).
/// </summary>
internal sealed class AbuseFilter(AbuseGuard guard) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var address = ClientAddress.Of(context.Context);
        if (!guard.TryOpenUnjoined(address))
        {
            await ((CafeHub)context.Hub).Clients.Caller.Refused(
                new Refusal(RefusalCodes.RateLimited, "Too many connections from your network are waiting to join."), context.Context.ConnectionAborted);
            context.Context.Abort();
            return;
        }
        var state = ConnectionState.For(context.Context);
        state.Address = address;
        state.Unjoined = 1;
        state.Calls = guard.ForConnection();
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (ConnectionState.Of(context.Context) is { } state)
        {
            Joined(state);
        }
        await next(context, exception);
    }

    /// <summary>The connection no longer counts as unjoined (exactly once: a join and a close may race).</summary>
    private void Joined(ConnectionState state)
    {
        if (state.Address is { } address && Interlocked.Exchange(ref state.Unjoined, 0) == 1)
        {
            guard.ReleaseUnjoined(address);
        }
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var state = ConnectionState.Of(context.Context);
        if (state?.Calls is { } calls && !calls.TryTake())
        {
            throw Refused.With(RefusalCodes.RateLimited, "Too many calls: slow down and try again in a moment.");
        }
        var address = state?.Address ?? "unknown";
        switch (context.HubMethodName)
        {
            case nameof(CafeHub.AskQuestion) when state?.Binding is { } me
                                                  && !guard.TryAskQuestion($"{me.SessionId:N}:{me.ParticipantId}"):
                throw Refused.With(RefusalCodes.RateLimited, "You are asking questions very fast: wait a few seconds.");
            // Statements are posted like questions, with a budget of their own.
            case nameof(CafeHub.AddStatement) when state?.Binding is { } me
                                                   && !guard.TryAskQuestion($"{me.SessionId:N}:{me.ParticipantId}:statements"):
                throw Refused.With(RefusalCodes.RateLimited, "You are writing statements very fast: wait a few seconds.");
            case nameof(CafeHub.React) when state is not null && !(state.Reactions ??= guard.ForReactions()).TryTake():
                throw Refused.With(RefusalCodes.RateLimited, "You are reacting very fast: wait a moment.");
            case nameof(CafeHub.JoinSession):
                if (!guard.MayTryJoinCodes(address))
                {
                    throw Refused.With(RefusalCodes.RateLimited, "Too many failed joins from your network: wait a minute.");
                }
                try
                {
                    var joined = await next(context);
                    if (state is not null)
                    {
                        Joined(state);
                    }
                    return joined;
                }
                catch (RefusedException ex) when (ex.Refusal.Code is RefusalCodes.NotFound or RefusalCodes.Forbidden)
                {
                    // An unknown code or a wrong key: how one would guess either.
                    guard.FailedJoin(address);
                    throw;
                }
        }
        return await next(context);
    }
}
