using Microsoft.Extensions.Logging;

namespace CafeIA.Grains.Sessions;

/// <summary>
/// A consequence of a commit in another grain (the map's listing, the retention schedule) that
/// must neither fail the commit nor hold back its publish: the change is already stored and its
/// seq already sent. It runs one-way after the publish, one run at a time; a request while one
/// runs makes it run once more afterwards, so it always ends on the session as it is then. A
/// failure is logged and retried after a growing, jittered pause (grains failing together do not
/// retry together); after the last attempt it waits for the next request.
/// Meant for a grain: every run and retry continues on the grain's scheduler, so no lock is needed.
/// </summary>
internal sealed partial class OneWayEffect(string name, Func<Task> run, ILogger log, Guid sessionId, IReadOnlyList<TimeSpan>? backoff = null)
{
    /// <summary>About 0.2 s, 1 s, 5 s and 30 s between attempts.</summary>
    public static readonly TimeSpan[] DefaultBackoff =
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    private readonly IReadOnlyList<TimeSpan> _backoff = backoff ?? DefaultBackoff;
    private bool _running;
    private bool _again;

    /// <summary>Completes when no run is in flight (tests, and a grain that wants to wait for it).</summary>
    public Task Idle { get; private set; } = Task.CompletedTask;

    public void Request()
    {
        if (_running)
        {
            _again = true;
            return;
        }
        _running = true;
        Idle = RunAll();
    }

    private async Task RunAll()
    {
        try
        {
            do
            {
                _again = false;
                await RunWithRetries();
            }
            while (_again);
        }
        finally
        {
            _running = false;
        }
    }

    private async Task RunWithRetries()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await run();
                return;
            }
            catch (Exception ex) when (attempt < _backoff.Count)
            {
                var pause = _backoff[attempt] * (0.5 + Random.Shared.NextDouble());
                LogRetrying(log, ex, name, sessionId, pause);
                await Task.Delay(pause);
            }
            catch (Exception ex)
            {
                LogGaveUp(log, ex, name, sessionId);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Effect} of session {SessionId} failed; retrying in {Pause}")]
    private static partial void LogRetrying(ILogger logger, Exception ex, string effect, Guid sessionId, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Effect} of session {SessionId} failed after every retry; the next change that needs it tries again")]
    private static partial void LogGaveUp(ILogger logger, Exception ex, string effect, Guid sessionId);
}
