using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Hubs;

/// <summary>
/// The outermost hub filter: a refused call completes normally, its result
/// <c>{ "refused": { "code", "message" } }</c> (<see cref="CallRefused"/>), so that clients read
/// the code from a field. A SignalR error completion carries only text ("…HubException: …"), which
/// every client would have to parse. Unexpected failures still complete with an error.
/// </summary>
internal sealed class RefusalFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (RefusedException refused)
        {
            return new CallRefused(refused.Refusal);
        }
    }
}
