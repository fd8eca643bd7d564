using Microsoft.Extensions.DependencyInjection;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// An embedded gateway that sends its registration mail to an <see cref="SmtpSink"/>, reads the
/// time from a <see cref="TestClock"/> (a test moves it a day ahead instead of waiting), and
/// sweeps for due mail every 200 ms.
/// </summary>
public sealed class MailGatewayFixture : IAsyncLifetime
{
    public const string PublicUrl = "https://cafe.example.org";

    private readonly TempDirectory _data = new();
    internal TestClock Clock { get; } = new();
    internal SmtpSink Sink { get; } = new();
    internal GatewayHost Host { get; private set; } = null!;

    public Uri BaseAddress => Host.BaseAddress;

    /// <summary>The embedded SQLite store, to look for what it still holds.</summary>
    internal string Database => Path.Combine(_data.Path, "cafe.db");

    public async Task InitializeAsync() =>
        Host = await GatewayHost.StartEmbedded(_data.Path, builder => builder.Services.AddSingleton<TimeProvider>(Clock),
            "--Mail:Smtp:Host=127.0.0.1",
            $"--Mail:Smtp:Port={Sink.Port}",
            "--Mail:Smtp:Tls=None",
            "--Mail:Smtp:From=Café IA <cafe@example.org>",
            $"--Gateway:PublicUrl={PublicUrl}",
            "--Mail:SweepPeriod=00:00:00.2");

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Sink.DisposeAsync();
        _data.Dispose();
    }
}
