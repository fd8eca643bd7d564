using Microsoft.Extensions.DependencyInjection;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>An embedded gateway (co-hosted silo, SQLite) whose sessions read the time from a <see cref="TestClock"/>.</summary>
public sealed class ClockedGatewayFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    internal TestClock Clock { get; } = new();
    internal GatewayHost Host { get; private set; } = null!;

    public Uri BaseAddress => Host.BaseAddress;

    public async Task InitializeAsync() =>
        Host = await GatewayHost.StartEmbedded(_data.Path, builder => builder.Services.AddSingleton<TimeProvider>(Clock));

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _data.Dispose();
    }
}
