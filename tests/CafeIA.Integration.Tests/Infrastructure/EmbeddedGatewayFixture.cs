namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>One embedded gateway (co-hosted silo, SQLite in a temp folder) shared by a test class.</summary>
public sealed class EmbeddedGatewayFixture : IAsyncLifetime
{
    /// <summary>Gateway settings for this fixture (set before InitializeAsync, e.g. by a wrapping fixture).</summary>
    internal string[] ExtraArgs { get; init; } = [];

    private readonly TempDirectory _data = new();
    internal GatewayHost Host { get; private set; } = null!;

    public Uri BaseAddress => Host.BaseAddress;

    public async Task InitializeAsync() => Host = await GatewayHost.StartEmbedded(_data.Path, ExtraArgs);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _data.Dispose();
    }
}
