using CafeIA.Wire;
using Microsoft.Extensions.Logging;

namespace CafeIA.Grains.Sessions;

/// <summary>
/// The gateways subscribed to one session. Orleans observers are not durable, so a gateway renews
/// its subscription periodically; one it stops renewing (a crashed gateway) expires.
/// </summary>
internal sealed partial class SessionSubscribers(TimeProvider clock)
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);
    private readonly Dictionary<ISessionObserver, DateTimeOffset> _lastRenewed = [];

    public int Count => _lastRenewed.Count;

    public void Renew(ISessionObserver observer) => _lastRenewed[observer] = clock.GetUtcNow();

    public void Remove(ISessionObserver observer) => _lastRenewed.Remove(observer);

    public void Publish(Guid sessionId, SessionChanges changes, ILogger log)
    {
        var now = clock.GetUtcNow();
        foreach (var (observer, renewed) in _lastRenewed.ToArray())
        {
            if (now - renewed > Expiry)
            {
                _lastRenewed.Remove(observer);
                continue;
            }
            try
            {
                // One-way call: it returns once queued, never waits for the gateway.
                _ = observer.OnChanges(sessionId, changes);
            }
            catch (Exception ex)
            {
                LogPublishFailed(log, ex, sessionId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing a change of session {SessionId} to a gateway failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception ex, Guid sessionId);
}
