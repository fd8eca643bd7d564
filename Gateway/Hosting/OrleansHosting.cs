using CafeIA.Grains.Hosting;
using CafeIA.Hosting;
using Orleans.Configuration;

namespace CafeIA.Gateway.Hosting;

/// <summary>Gateway:Mode "Embedded" (default: co-host the silo) or "Client" (join a Silo cluster).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";
    public const string Embedded = "Embedded";
    public const string Client = "Client";

    public string Mode { get; set; } = Embedded;
}

public static class OrleansHosting
{
    public static WebApplicationBuilder AddCafeOrleans(this WebApplicationBuilder builder)
    {
        var gateway = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new();
        if (gateway.Mode.Equals(GatewayOptions.Client, StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleansClient(client => client.AddCafeClient(builder.Configuration));
        }
        else
        {
            builder.UseOrleans(silo => silo.AddCafeSilo(builder.Configuration));
        }
        return builder;
    }

    /// <summary>A pure client finds the silos the same way they find each other.</summary>
    private static IClientBuilder AddCafeClient(this IClientBuilder client, IConfiguration configuration)
    {
        var cluster = configuration.GetSection(CafeClusterOptions.Section).Get<CafeClusterOptions>() ?? new();
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
        client.Services.AddStoreFaultSerialization();
        // A hub call's trace goes on into the grains, and the grains' calls to our observers come back in it.
        client.AddActivityPropagation();
        if (cluster.Clustering == ClusteringModes.AdoNet)
        {
            var storage = configuration.GetSection(CafeStorageOptions.Section).Get<CafeStorageOptions>() ?? new();
            var target = CafeIA.Storage.StorageTarget.From(storage).ForClustering();
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (target.Invariant, target.ConnectionString));
        }
        else
        {
            client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
        }
        return client;
    }
}
