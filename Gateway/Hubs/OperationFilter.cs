using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CafeIA.Gateway.Hubs;

/// <summary>
/// Carries a call's client operation id (any argument implementing <see cref="IOperation"/>)
/// to the session grain through Orleans' request context; the session answers a retry with
/// the first attempt's result (Grains/Sessions/OperationLog).
/// </summary>
internal sealed class OperationFilter(IOptions<SessionLimits> limits) : IHubFilter
{

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var opId = context.HubMethodArguments.OfType<IOperation>().Select(o => o.OpId).FirstOrDefault(id => id is not null);
        if (opId is null)
        {
            return await next(context);
        }
        if (opId.Length > limits.Value.MaxOperationIdLength || opId.Any(c => c <= ' ' || c > '~'))
        {
            throw Refused.With(RefusalCodes.Invalid, $"An opId has at most {limits.Value.MaxOperationIdLength} printable ASCII characters.");
        }
        RequestContext.Set(OperationContext.Key, opId);
        try
        {
            return await next(context);
        }
        finally
        {
            RequestContext.Remove(OperationContext.Key);
        }
    }
}
