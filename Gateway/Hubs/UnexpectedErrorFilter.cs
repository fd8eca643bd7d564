using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Hubs;

/// <summary>
/// Logs what went wrong on our side, not refusals. SignalR's dispatcher logs every exception of a
/// hub method, refusals included, as an error: a flood of bad input would flood the logs. Its
/// category is silenced (GatewayApplication) and this filter logs the unexpected ones instead.
/// A failure of the store or of the cluster (a silo that died, a call that timed out, a session
/// that could not load) is no bug: it is refused as <c>unavailable</c>, retryable with the same
/// opId, and counted rather than logged per call (the store logs its own failures once).
/// </summary>
internal sealed partial class UnexpectedErrorFilter(ILogger<UnexpectedErrorFilter> log) : IHubFilter
{
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (Faults.IsUnavailable(ex))
        {
            LogUnavailable(log, ex, context.HubMethodName);
            throw Refused.With(RefusalCodes.Unavailable, Faults.UnavailableSentence);
        }
        catch (Exception ex) when (ex is not HubException && ex is not OperationCanceledException)
        {
            LogFailed(log, ex, context.HubMethodName);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private static partial void LogFailed(ILogger logger, Exception ex, string method);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub method {Method} refused as unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception ex, string method);
}
