using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Hubs;

/// <summary>
/// Logs what went wrong on our side, not refusals. SignalR's dispatcher logs every exception of a
/// hub method, refusals included, as an error: a flood of bad input would flood the logs. Its
/// category is silenced (GatewayApplication) and this filter logs the unexpected ones instead.
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
        catch (Exception ex) when (ex is not HubException && ex is not OperationCanceledException)
        {
            LogFailed(log, ex, context.HubMethodName);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private static partial void LogFailed(ILogger logger, Exception ex, string method);
}
