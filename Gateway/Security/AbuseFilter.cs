using System.Threading.RateLimiting;
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
    private const string AddressKey = "cafe.address";
    private const string LimiterKey = "cafe.limiter";

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var address = ClientAddress.Of(context.Context);
        if (!guard.TryOpenConnection(address))
        {
            await context.Hub.Clients.Caller.SendAsync("refused", "rate-limited: Too many connections from your network.");
            context.Context.Abort();
            return;
        }
        context.Context.Items[AddressKey] = address;
        context.Context.Items[LimiterKey] = guard.ForConnection();
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.Items.TryGetValue(AddressKey, out var address))
        {
            guard.CloseConnection((string)address!);
            (context.Context.Items[LimiterKey] as RateLimiter)?.Dispose();
        }
        await next(context, exception);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var items = context.Context.Items;
        if (items.TryGetValue(LimiterKey, out var limiter) && limiter is RateLimiter calls)
        {
            using var lease = calls.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                throw Refused.With(RefusalCodes.RateLimited, "Too many calls: slow down and try again in a moment.");
            }
        }
        var address = items.TryGetValue(AddressKey, out var a) ? (string)a! : "unknown";
        switch (context.HubMethodName)
        {
            case nameof(CafeHub.AskQuestion) when ConnectionBinding.Of(context.Context) is { } me
                                                  && !guard.TryAskQuestion($"{me.SessionId:N}:{me.ParticipantId}"):
                throw Refused.With(RefusalCodes.RateLimited, "You are asking questions very fast: wait a few seconds.");
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
