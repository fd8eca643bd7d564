namespace CafeIA;

/// <summary>
/// Whether this process's store is failing now: set by the session store on each write or read,
/// read by readiness (<c>/health/ready</c> says degraded) and counted in
/// <see cref="CafeMetrics.StorageFailures"/>. A streak of failures is one event for the logs.
/// </summary>
public sealed class StorageHealth(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _failingSince;
    private string? _lastError;

    public bool Failing
    {
        get
        {
            lock (_gate)
            {
                return _failingSince is not null;
            }
        }
    }

    /// <summary>What failed and since when, for readiness; null while the store works.</summary>
    public (DateTimeOffset Since, string Error)? Fault
    {
        get
        {
            lock (_gate)
            {
                return _failingSince is { } since ? (since, _lastError ?? "") : null;
            }
        }
    }

    /// <summary>Records a failure; true when it starts a streak (log it), false while one goes on.</summary>
    public bool Failed(Exception error)
    {
        CafeMetrics.StorageFailures.Add(1);
        lock (_gate)
        {
            _lastError = $"{error.GetType().Name}: {error.Message}";
            if (_failingSince is not null)
            {
                return false;
            }
            _failingSince = clock.GetUtcNow();
            return true;
        }
    }

    /// <summary>Records a success; the start of the streak it ends, if it ends one (log the recovery).</summary>
    public DateTimeOffset? Succeeded()
    {
        lock (_gate)
        {
            var since = _failingSince;
            _failingSince = null;
            return since;
        }
    }
}
