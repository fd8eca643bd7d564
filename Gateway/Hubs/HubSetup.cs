using CafeIA.Gateway.Hosting;
using CafeIA.Gateway.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CafeIA.Gateway.Hubs;

public static class HubSetup
{
    public const string Path = "/hubs/cafe";

    public static IServiceCollection AddCafeHub(this IServiceCollection services)
    {
        services.AddOptions<SessionLimits>().BindConfiguration(SessionLimits.Section)
            .Validate(l => l.CallBurstPerConnection >= 1 && l.CallsPerSecondPerConnection >= 1,
                "Limits:CallBurstPerConnection and Limits:CallsPerSecondPerConnection must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton<AbuseGuard>();
        services.TryAddSingleton<JoinCodes>();
        services.AddSignalR(o =>
            {
                // The first filter added runs outermost: every refusal below becomes a result.
                o.AddFilter<RefusalFilter>();
                // Abuse limits first: a refused call costs nothing further.
                o.AddFilter<UnexpectedErrorFilter>();
                o.AddFilter<AbuseFilter>();
                o.AddFilter<OperationFilter>();
            })
            .AddJsonProtocol(o => JsonSetup.Apply(o.PayloadSerializerOptions));
        services.AddOptions<HubOptions>().Configure<IOptions<SessionLimits>>((o, limits) => o.MaximumReceiveMessageSize = limits.Value.MaxMessageBytes);
        // Replace SignalR's JSON protocol by the strict one: binding failures become `invalid`.
        services.RemoveAll<IHubProtocol>();
        services.AddSingleton<IHubProtocol>(sp => new StrictJsonHubProtocol(new JsonHubProtocol(sp.GetRequiredService<IOptions<JsonHubProtocolOptions>>())));
        return services;
    }

    public static IEndpointRouteBuilder MapCafeHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<CafeHub>(Path);
        return endpoints;
    }
}
