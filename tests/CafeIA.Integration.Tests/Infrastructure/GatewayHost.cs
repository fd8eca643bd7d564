using Microsoft.AspNetCore.Http.Features;
using CafeIA.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// The real gateway application (the one Program.cs runs) listening on a real loopback port,
/// by default co-hosting its silo on SQLite in <paramref name="dataDirectory"/>.
/// </summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    public Uri BaseAddress { get; }
    public IServiceProvider Services => _app.Services;

    private GatewayHost(WebApplication app, Uri baseAddress) => (_app, BaseAddress) = (app, baseAddress);

    public static Task<GatewayHost> StartEmbedded(string dataDirectory, params string[] extraArgs) =>
        StartEmbedded(dataDirectory, null, extraArgs);

    /// <param name="configure">Extra services before the app is built (a test clock, a log capture).</param>
    public static async Task<GatewayHost> StartEmbedded(string dataDirectory, Action<WebApplicationBuilder>? configure, params string[] extraArgs) =>
        await Start(configure, [
            $"--Storage:DataDirectory={dataDirectory}",
            $"--Cluster:SiloPort={Ports.Free()}",
            $"--Cluster:GatewayPort={Ports.Free()}",
            .. extraArgs]);

    public static Task<GatewayHost> Start(string[] args) => Start(null, args);

    /// <summary>
    /// Every test's clients share 127.0.0.1, and a fixture serves many tests: the per-address
    /// creation budgets are lifted unless a test sets them (its arguments come later and win).
    /// CreationLimitTests runs with <see cref="DefaultLimits"/> instead.
    /// </summary>
    private static readonly string[] LiftedLimits =
    [
        "--Limits:SessionCreationBurstPerAddress=100000",
        "--Limits:ProgrammeCreationBurstPerAddress=100000",
        "--Limits:RegistrationBurstPerAddress=100000",
    ];

    private static readonly SessionLimits DefaultLimit = new();

    /// <summary>Put first among a test's arguments: the service's own per-address creation budgets.</summary>
    public static readonly string[] DefaultLimits =
    [
        $"--Limits:SessionCreationBurstPerAddress={DefaultLimit.SessionCreationBurstPerAddress}",
        $"--Limits:ProgrammeCreationBurstPerAddress={DefaultLimit.ProgrammeCreationBurstPerAddress}",
        $"--Limits:RegistrationBurstPerAddress={DefaultLimit.RegistrationBurstPerAddress}",
    ];

    public static async Task<GatewayHost> Start(Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure, string[] args)
    {
        var app = GatewayApplication.Build([
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
            .. LiftedLimits,
            .. args], configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new GatewayHost(app, new Uri(address));
    }

    public HttpClient Http() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
