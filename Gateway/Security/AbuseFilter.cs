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
        if (!guard.TryOpenConnection(address))
        {
            await context.Hub.Clients.Caller.SendAsync("refused", "rate-limited: Too many connections from your network.");
            context.Context.Abort();
            return;
        }
        var state = ConnectionState.For(context.Context);
        state.Address = address;
        state.Calls = guard.ForConnection();
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (ConnectionState.Of(context.Context)?.Address is { } address)
        {
            guard.CloseConnection(address);
        }
        await next(context, exception);
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
            case nameof(CafeHub.React) when state is not null && !(state.Reactions ??= guard.ForReactions()).TryTake():
                throw Refused.With(RefusalCodes.RateLimited, "You are reacting very fast: wait a moment.");
            case nameof(CafeHub.JoinSession):
                if (!guard.MayTryJoinCodes(address))
                {
                    throw Refused.With(RefusalCodes.RateLimited, "Too many unknown join codes from your network: wait a minute.");
                }
                try
                {
                    return await next(context);
                }
                catch (HubException ex) when (ex.Message.StartsWith(RefusalCodes.NotFound, StringComparison.Ordinal))
                {
                    guard.FailedJoin(address);
                    throw;
                }
        }
        return await next(context);
    }
}
