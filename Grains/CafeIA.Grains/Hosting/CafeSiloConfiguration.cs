using System.Data.Common;
using CafeIA.Domain;
using CafeIA.Grains.Mail;
using CafeIA.Grains.Sessions;
using CafeIA.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Configuration;

namespace CafeIA.Grains.Hosting;

/// <summary>
/// The one silo configuration, shared by the Silo process and by a gateway that co-hosts its silo
/// (embedded mode), so both run the same grains on the same storage and clustering.
/// </summary>
public static class CafeSiloConfiguration
{
    // Activity propagation carries a call's trace across grain calls (and to the gateways'
    // observers); its filters start no span unless a tracer listens (Telemetry:Otlp:Endpoint).
    public static ISiloBuilder AddCafeSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddStoreFaultSerialization();
        return silo.AddCafeClustering(configuration).AddCafeGrains(configuration).AddActivityPropagation();
    }

    /// <summary>
    /// A store failure crosses to the gateway as itself: Orleans serializes only exceptions of the
    /// namespaces it lists (System, Microsoft, Orleans...), and without Npgsql's a PostgreSQL outage
    /// reached the hub as a codec error ("an unexpected error") instead of a DbException the hub
    /// refuses as <c>unavailable</c>. For the silos (which send it) and the client gateways (which read it).
    /// </summary>
    public static IServiceCollection AddStoreFaultSerialization(this IServiceCollection services) =>
        services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));

    /// <summary>How this silo finds the others: localhost (embedded) or the PostgreSQL membership table.</summary>
    public static ISiloBuilder AddCafeClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = configuration.GetSection(CafeClusterOptions.Section).Get<CafeClusterOptions>() ?? new();

        silo.Configure<ClusterMembershipOptions>(configuration.GetSection(CafeClusterOptions.MembershipSection));
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
        if (cluster.Clustering == ClusteringModes.AdoNet)
        {
            var store = StorageTarget.From(configuration.GetSection(CafeStorageOptions.Section).Get<CafeStorageOptions>() ?? new()).ForClustering();
            if (cluster.Kubernetes)
            {
                silo.UseKubernetesHosting();
            }
            else
            {
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
                if (cluster.AdvertisedIP is { } ip)
                {
                    silo.ConfigureEndpoints(System.Net.IPAddress.Parse(ip), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                }
                else
                {
                    silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                }
            }
            silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (store.Invariant, store.ConnectionString));
        }
        else
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, null, cluster.ServiceId, cluster.ClusterId);
        }
        return silo;
    }

    /// <summary>The grains' storage (schema applied at startup) and the services they need.</summary>
    public static ISiloBuilder AddCafeGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        var storage = configuration.GetSection(CafeStorageOptions.Section).Get<CafeStorageOptions>() ?? new();
        var store = StorageTarget.From(storage);

        silo.AddAdoNetGrainStorage(StorageNames.Cafe, o =>
        {
            o.Invariant = store.Invariant;
            o.ConnectionString = store.ConnectionString;
            o.GrainStorageSerializer = new JsonGrainStateSerializer();
        });

        silo.Services.AddSingleton(store);
        silo.Services.AddSingleton<StorageHealth>();
        silo.Services.AddSingleton(sp => new LocalMembership(() =>
            sp.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active)));
        silo.Services.AddSingleton<SessionStore>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddOptions<SessionLimits>().Bind(configuration.GetSection(SessionLimits.Section));
        silo.Services.AddHostedService<RetentionSweeper>();
        silo.Services.AddHostedService<StoreProbe>();
        silo.Services.AddCafeMail(configuration);
        silo.ConfigureSessionLifetime(configuration.GetSection(SessionLifetimeOptions.Section).Get<SessionLifetimeOptions>() ?? new());
        if (storage.ApplySchema)
        {
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaInitializer>();
        }
        return silo;
    }

    /// <summary>
    /// Idle sessions leave memory: Orleans collects a session grain after <see cref="SessionLifetimeOptions.IdleAfter"/>
    /// without a call. Collection runs every quantum, so the quantum is kept well under that age.
    /// </summary>
    private static void ConfigureSessionLifetime(this ISiloBuilder silo, SessionLifetimeOptions lifetime)
    {
        if (lifetime.IdleAfter <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SessionLifetimeOptions.Section}:IdleAfter must be positive.");
        }
        silo.Configure<GrainCollectionOptions>(o =>
        {
            o.ClassSpecificCollectionAge[typeof(SessionGrain).FullName!] = lifetime.IdleAfter;
            var quantum = lifetime.IdleAfter / 4;
            if (quantum < o.CollectionQuantum)
            {
                o.CollectionQuantum = quantum;
            }
        });
    }

    /// <summary>
    /// Orleans' ADO.NET provider finds drivers by invariant name. In 10.4.2 it knows SQLite only as
    /// "System.Data.SQLite", so Microsoft.Data.Sqlite's factory is registered under that name.
    /// </summary>
    internal static void RegisterDbProviders()
    {
        DbProviderFactories.RegisterFactory(StorageTarget.SqliteInvariant, SqliteFactory.Instance);
        DbProviderFactories.RegisterFactory(StorageTarget.PostgreSqlInvariant, NpgsqlFactory.Instance);
    }
}
