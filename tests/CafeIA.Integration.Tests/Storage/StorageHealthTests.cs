using System.Data.Common;
using CafeIA.Gateway;
using Orleans.Runtime;

namespace CafeIA.Integration.Tests.Storage;

/// <summary>How a failing store is told apart and reported: one streak, logged once; the faults the hub refuses as unavailable.</summary>
public sealed class StorageHealthTests
{
    [Fact]
    public void A_streak_of_failures_is_one_event_and_a_success_ends_it()
    {
        var health = new StorageHealth(TimeProvider.System);
        Assert.False(health.Failing);
        Assert.True(health.Failed(new IOException("No space left on device")));
        Assert.False(health.Failed(new IOException("No space left on device")));
        Assert.True(health.Failing);
        Assert.Contains("No space left", health.Fault!.Value.Error, StringComparison.Ordinal);
        Assert.NotNull(health.Succeeded());
        Assert.Null(health.Succeeded());
        Assert.False(health.Failing);
        Assert.Null(health.Fault);
    }

    [Fact]
    public void Store_and_cluster_faults_are_unavailable_and_bugs_are_not()
    {
        Assert.True(Faults.IsUnavailable(new IOException("disk full")));
        Assert.True(Faults.IsUnavailable(new TimeoutException()));
        Assert.True(Faults.IsUnavailable(new SiloUnavailableException()));
        Assert.True(Faults.IsUnavailable(new InvalidOperationException("write failed", new FakeDbException())));
        Assert.False(Faults.IsUnavailable(new InvalidOperationException("a bug")));
        Assert.False(Faults.IsUnavailable(new ArgumentException("another bug")));
        Assert.False(Faults.IsUnavailable(new Microsoft.AspNetCore.Http.BadHttpRequestException("Request body too large.", 413)));
    }

    private sealed class FakeDbException : DbException;
}
