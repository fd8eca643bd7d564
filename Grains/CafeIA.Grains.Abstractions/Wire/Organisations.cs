namespace CafeIA.Wire;

/// <summary>A member's role in an organisation: the owner invites and removes members; facilitators run its cafés.</summary>
public enum OrganisationRole
{
    Owner = 0,
    Facilitator = 1,
}

/// <summary>
/// A signed-in facilitator as the organisation knows them: the identity provider's subject (the
/// only stable identifier kept) and the display name it gave. No e-mail, no token.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.OrganisationMember")]
public sealed record OrganisationMember(
    [property: Id(0)] string Subject,
    [property: Id(1)] string Name,
    [property: Id(2)] OrganisationRole Role,
    [property: Id(3)] DateTimeOffset JoinedAt);

/// <summary>A café created by a member while signed in: it belongs to the organisation; HeldBy is the member who answers for it ("" when they left).</summary>
[GenerateSerializer, Immutable, Alias("cafe.OrganisationCafe")]
public sealed record OrganisationCafe(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] string JoinCode,
    [property: Id(2)] string Title,
    [property: Id(3)] string CreatedBy,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string HeldBy);

/// <summary>What a member sees of their organisation.</summary>
[GenerateSerializer, Immutable, Alias("cafe.OrganisationView")]
public sealed record OrganisationView(
    [property: Id(0)] Guid OrganisationId,
    [property: Id(1)] string Name,
    [property: Id(2)] OrganisationRole Role,
    [property: Id(3)] OrganisationMember[] Members,
    [property: Id(4)] OrganisationCafe[] Cafes);

/// <summary>An invitation to join: the key is shown once to the owner who made it; only its hash is kept.</summary>
[GenerateSerializer, Immutable, Alias("cafe.OrganisationInvitation")]
public sealed record OrganisationInvitation(
    [property: Id(0)] string InvitationKey,
    [property: Id(1)] DateTimeOffset ExpiresAt);

/// <summary>A café's keys recovered by a member of its organisation.</summary>
[GenerateSerializer, Immutable, Alias("cafe.RecoveredKeys")]
public sealed record RecoveredKeys(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] string JoinCode,
    [property: Id(2)] string FacilitatorKey);

/// <summary>One of "my organisations": enough to list it and to open it.</summary>
[GenerateSerializer, Immutable, Alias("cafe.OrganisationSummary")]
public sealed record OrganisationSummary(
    [property: Id(0)] Guid OrganisationId,
    [property: Id(1)] string Name,
    [property: Id(2)] OrganisationRole Role,
    [property: Id(3)] int Members,
    [property: Id(4)] int Cafes);

/// <summary>GET /api/orgs: the organisations the signed-in facilitator belongs to, in the order they joined them.</summary>
[GenerateSerializer, Immutable, Alias("cafe.MyOrganisations")]
public sealed record MyOrganisations([property: Id(0)] OrganisationSummary[] Organisations);
