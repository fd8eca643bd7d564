namespace CafeIA.Grains.Abstractions;

/// <summary>
/// The organisations one signed-in facilitator belongs to (key: the provider's subject), so that
/// "my organisations" needs no address kept by hand. Only an index: the organisation grain keeps it
/// up to date when someone founds, joins or leaves, and stays the authority on who is a member
/// (the gateway asks each organisation before listing it).
/// </summary>
[Alias("cafe.IMembershipsGrain")]
public interface IMembershipsGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task Add(Guid organisationId);

    /// <summary>Forgets one organisation; the last one gone, nothing of this person is stored.</summary>
    [Alias("Remove")]
    Task Remove(Guid organisationId);

    [Alias("List")]
    Task<Guid[]> List();
}
