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

    public static async Task<GatewayHost> Start(Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure, string[] args)
    {
        var app = GatewayApplication.Build([
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
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
