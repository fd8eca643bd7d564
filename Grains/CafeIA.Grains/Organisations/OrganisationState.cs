using CafeIA.Wire;

namespace CafeIA.Grains.Organisations;

/// <summary>An organisation as stored (JSON, grain storage "cafe", state name "organisation").</summary>
public sealed class OrganisationState
{
    public string Name { get; set; } = "";
    public List<OrganisationMember> Members { get; set; } = [];
    public List<PendingInvitation> Invitations { get; set; } = [];
    public List<OwnedCafe> Cafes { get; set; } = [];
}

/// <summary>An invitation not yet accepted: only the hash of its key.</summary>
public sealed class PendingInvitation
{
    public string KeyHash { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>
/// A café of the organisation. Its facilitator key is kept here, in clear, so that members can
/// recover it (docs/SECURITY.md, "Organisations"): the session itself still stores only hashes.
/// </summary>
public sealed class OwnedCafe
{
    public Guid SessionId { get; set; }
    public string JoinCode { get; set; } = "";
    public string Title { get; set; } = "";
    public string CreatedBy { get; set; } = "";

    /// <summary>The member who answers for it (hand-over); "" once they left; null in states stored before hand-overs (then: CreatedBy).</summary>
    public string? HeldBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string FacilitatorKey { get; set; } = "";
}
