using CafeIA.Gateway.Hosting;

namespace CafeIA.Gateway.Hubs;

public static class HubSetup
{
    public const string Path = "/hubs/cafe";

    public static IServiceCollection AddCafeHub(this IServiceCollection services)
    {
        services.AddSignalR().AddJsonProtocol(o => JsonSetup.Apply(o.PayloadSerializerOptions));
        return services;
    }

    public static IEndpointRouteBuilder MapCafeHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<CafeHub>(Path);
        return endpoints;
    }
}
