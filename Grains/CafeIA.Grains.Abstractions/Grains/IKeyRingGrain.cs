namespace CafeIA.Grains.Abstractions;

/// <summary>
/// The gateways' shared ASP.NET Core Data Protection key ring (the keys that protect the sign-in
/// cookie and the antiforgery tokens), so that every gateway reads what another issued, and a
/// restarted one what it issued before. One per cluster (key <see cref="Gateways"/>); the elements
/// are Data Protection's own XML, kept as it wrote them.
/// </summary>
[Alias("cafe.IKeyRingGrain")]
public interface IKeyRingGrain : IGrainWithStringKey
{
    /// <summary>The one key ring every gateway of the cluster uses.</summary>
    public const string Gateways = "gateways";

    /// <summary>Every element stored, in the order they were stored.</summary>
    [Alias("Elements")]
    Task<string[]> Elements();

    /// <summary>Keeps one element (a key, a revocation) under its name, replacing one of the same name.</summary>
    [Alias("Store")]
    Task Store(string name, string xml);
}
