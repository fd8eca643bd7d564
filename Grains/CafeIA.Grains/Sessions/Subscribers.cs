using Microsoft.Extensions.Logging;

namespace CafeIA.Grains.Sessions;

/// <summary>
/// The gateways subscribed to one grain (a session, a programme). Orleans observers are not
/// durable, so a gateway renews its subscription periodically; one it stops renewing (a crashed
/// gateway) expires.
/// </summary>
internal sealed partial class Subscribers<T>(TimeProvider clock) where T : IGrainObserver
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);
    private readonly Dictionary<T, DateTimeOffset> _lastRenewed = [];

    public int Count => _lastRenewed.Count;

    public void Renew(T observer) => _lastRenewed[observer] = clock.GetUtcNow();

    public void Remove(T observer) => _lastRenewed.Remove(observer);

    /// <param name="send">A one-way call: it returns once queued, never waits for the gateway.</param>
    public void Publish(Func<T, Task> send, ILogger log, Guid grainId)
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
                _ = send(observer);
            }
            catch (Exception ex)
            {
                LogPublishFailed(log, ex, grainId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing a change of {GrainId} to a gateway failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception ex, Guid grainId);
}
