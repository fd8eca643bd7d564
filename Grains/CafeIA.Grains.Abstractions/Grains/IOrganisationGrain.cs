using CafeIA.Wire;

namespace CafeIA.Grains.Abstractions;

/// <summary>
/// One organisation (key: its id): its members and roles, its pending invitations (hashes), and the
/// cafés its members created while signed in. Every call names the caller's subject (from the
/// gateway's sign-in cookie); a caller who is not a member is refused <c>forbidden</c>.
/// </summary>
[Alias("cafe.IOrganisationGrain")]
public interface IOrganisationGrain : IGrainWithGuidKey
{
    /// <summary>Founds the organisation with the caller as its owner; <c>invalid</c> once it exists.</summary>
    [Alias("Create")]
    Task<Outcome<OrganisationView>> Create(string subject, string memberName, string name);

    [Alias("Get")]
    Task<Outcome<OrganisationView>> Get(string subject);

    /// <summary>Owner only: a new invitation key, valid for a week and for one acceptance.</summary>
    [Alias("Invite")]
    Task<Outcome<OrganisationInvitation>> Invite(string subject);

    /// <summary>Joins as a facilitator with an invitation key; <c>forbidden</c> for an unknown, used or expired key.</summary>
    [Alias("Accept")]
    Task<Outcome<OrganisationView>> Accept(string subject, string memberName, string invitationKey);

    /// <summary>Records a café a member created while signed in, with its facilitator key (for recovery).</summary>
    [Alias("AddCafe")]
    Task<Outcome<Done>> AddCafe(string subject, Guid sessionId, string joinCode, string title, string facilitatorKey);

    /// <summary>A member recovers the facilitator key of one of the organisation's cafés.</summary>
    [Alias("RecoverKeys")]
    Task<Outcome<RecoveredKeys>> RecoverKeys(string subject, Guid sessionId);

    /// <summary>The café's holder or an owner hands it over to another member (<c>not-found</c>, field <c>subject</c>, for a non-member).</summary>
    [Alias("HandOver")]
    Task<Outcome<OrganisationView>> HandOver(string subject, Guid sessionId, string toSubject);

    /// <summary>
    /// Removes a member and what the organisation kept about them (subject, name): the owner removes
    /// anyone but the last owner; a member removes themselves. Their cafés stay the organisation's.
    /// </summary>
    [Alias("RemoveMember")]
    Task<Outcome<Done>> RemoveMember(string subject, string memberSubject);
}
