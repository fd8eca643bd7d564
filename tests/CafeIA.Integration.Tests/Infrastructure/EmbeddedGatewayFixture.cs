namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>One embedded gateway (co-hosted silo, SQLite in a temp folder) shared by a test class.</summary>
public sealed class EmbeddedGatewayFixture : IAsyncLifetime
{
    /// <summary>Gateway settings for this fixture (set before InitializeAsync, e.g. by a wrapping fixture).</summary>
    internal string[] ExtraArgs { get; init; } = [];

    private readonly TempDirectory _data = new();
    internal GatewayHost Host { get; private set; } = null!;

    public Uri BaseAddress => Host.BaseAddress;

    // Hub tests join with wrong and revoked keys on purpose, many times a minute from one address:
    // the failed-join limit (tested where it belongs, in the security tests' own gateways) is lifted here.
    public async Task InitializeAsync() =>
        Host = await GatewayHost.StartEmbedded(_data.Path, ["--Limits:FailedJoinsPerMinutePerAddress=100000", .. ExtraArgs]);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _data.Dispose();
    }
}
