using System.Xml.Linq;
using CafeIA.Grains.Abstractions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace CafeIA.Gateway.Auth;

/// <summary>
/// Data Protection's key ring kept by the cluster (<see cref="IKeyRingGrain"/>, in the grains' storage)
/// instead of each gateway's disk: behind a load balancer any gateway reads the cookie and the
/// antiforgery token another issued, and a restarted gateway (a new pod, no disk) still reads its own.
/// </summary>
public sealed class ClusterKeyRing(IGrainFactory grains) : IXmlRepository
{
    /// <summary>
    /// The same on every gateway: Data Protection isolates applications by this name (by default
    /// the content root, which differs between hosts) and refuses what another application protected.
    /// </summary>
    public const string ApplicationName = "CafeIA.Gateway";

    private IKeyRingGrain Ring => grains.GetGrain<IKeyRingGrain>(IKeyRingGrain.Gateways);

    // IXmlRepository is synchronous. Data Protection calls it rarely (at start, when a key is due,
    // about once a day to refresh its cached ring), never per request, so blocking is acceptable here.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. Ring.Elements().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName) =>
        Ring.Store(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
}

public static class ClusterKeyRingSetup
{
    /// <summary>Data Protection with its keys in the cluster's storage, shared by every gateway of it.</summary>
    public static IServiceCollection AddClusterKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ClusterKeyRing.ApplicationName);
        // Registered after AddDataProtection's own setup, which falls back to a directory on this host.
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new ClusterKeyRing(sp.GetRequiredService<IGrainFactory>())));
        return services;
    }
}
