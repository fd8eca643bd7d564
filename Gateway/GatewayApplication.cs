using CafeIA.Gateway.Api;
using CafeIA.Gateway.Auth;
using CafeIA.Gateway.Fanout;
using CafeIA.Gateway.Hosting;
using CafeIA.Gateway.Hubs;
using CafeIA.Gateway.Reports;
using CafeIA.Gateway.Security;
using CafeIA.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CafeIA.Gateway;

/// <summary>The gateway as a table of contents; tests build the very same application.</summary>
public static class GatewayApplication
{
    /// <param name="configure">Tests only: extra services (e.g. a log capture) before the app is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Pages and settings are copied next to the binaries, so the gateway runs the same from
        // `dotnet run`, from a test, or from a container, whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.AddFilter(UnexpectedErrorFilter.DispatcherCategory, LogLevel.None);
        builder.AddCafeOrleans();
        builder.AddCafeServiceDefaults();
        builder.Services.AddCafeJson();
        builder.Services.AddSingleton<Api.FormatUpload>();
        builder.Services.AddCafeHub();
        builder.Services.AddSessionFanout();
        builder.Services.AddCompressedAssets();
        builder.Services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section);
        builder.Services.AddFacilitatorSignIn(builder.Configuration);
        configure?.Invoke(builder);

        if (builder.Configuration.GetValue<bool>("Gateway:TrustForwardedHeaders"))
        {
            // Behind a reverse proxy (the Kubernetes Ingress): the client address for abuse limits.
            builder.Services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
            });
        }

        var app = builder.Build();
        if (app.Configuration.GetValue<bool>("Gateway:TrustForwardedHeaders"))
        {
            app.UseForwardedHeaders();
        }
        app.UseSecurityHeaders(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MapOptions>>().Value.TileOrigin);
        app.UseOriginCheck(app.Configuration);
        app.UseCompressedAssets();
        app.UseUnavailableAnswers();
        app.UseFacilitatorSignIn();
        app.MapCafeServiceEndpoints();
        app.MapFacilitatorSignIn(app.Configuration);
        app.MapOrganisationEndpoints(app.Configuration);
        app.MapSessionEndpoints();
        app.MapCafeEndpoints();
        app.MapReportEndpoints();
        app.MapProgrammeEndpoints();
        app.MapFormatEndpoints();
        app.MapJoinQrCode();
        app.MapCafeHub();
        app.MapPages();
        app.Lifetime.ApplicationStarted.Register(() => PrintAddresses(app));
        return app;
    }

    private static void PrintAddresses(WebApplication app)
    {
        foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            Console.WriteLine($"Café IA Live is running: {address}");
        }
    }
}
