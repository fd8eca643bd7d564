using CafeIA.Grains.Hosting;
using CafeIA.Hosting;
using Orleans.Dashboard;

namespace CafeIA.Silo;

public static class SiloApplication
{
    public const string DashboardPath = "/dashboard";

    /// <summary>
    /// The silo, plus a small HTTP server (Urls, default http://localhost:8081) for operators:
    /// health probes, Prometheus metrics and the Orleans dashboard.
    /// </summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.UseOrleans(silo => silo.AddCafeSilo(builder.Configuration).AddDashboard());
        builder.AddCafeServiceDefaults();

        var app = builder.Build();
        app.MapCafeServiceEndpoints();
        app.MapOrleansDashboard(routePrefix: DashboardPath);
        return app;
    }
}
