using CafeIA.Domain;
using CafeIA.Wire;

namespace CafeIA.Grains.Organisations;

/// <summary>
/// The rules of an organisation, plain C# over its state: who is a member, who may invite, which
/// invitation is still good. A refused call changes nothing.
/// </summary>
public sealed class Organisation(Guid id, OrganisationState state)
{
    public const int MaxName = 120;
    public const int MaxMemberName = 80;
    public const int MaxSubject = 255;
    public const int MaxTitle = 120;
    public const int MaxMembers = 500;
    public const int MaxPendingInvitations = 50;
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public bool Exists => state.Members.Count > 0;

    public Outcome<OrganisationView> Create(string subject, string memberName, string name, DateTimeOffset now)
    {
        if (Exists)
        {
            return Refuse<OrganisationView>(RefusalCodes.Invalid, "This organisation already exists.");
        }
        if (Text.Required(subject, MaxSubject) is not { } who)
        {
            return Refuse<OrganisationView>(RefusalCodes.Invalid, "subject: required.", "subject");
        }
        if (Text.Required(name, MaxName) is not { } clean)
        {
            return Refuse<OrganisationView>(RefusalCodes.Invalid, $"name: 1 to {MaxName} characters.", "name");
        }
        state.Name = clean;
        state.Members.Add(new OrganisationMember(who, MemberName(memberName), OrganisationRole.Owner, now));
        return Outcome<OrganisationView>.Ok(View(who));
    }

    public Outcome<OrganisationView> Get(string subject) =>
        Member(subject) is null ? NotAMember<OrganisationView>() : Outcome<OrganisationView>.Ok(View(subject));

    public Outcome<OrganisationInvitation> Invite(string subject, DateTimeOffset now)
    {
        if (Member(subject) is not { } member)
        {
            return NotAMember<OrganisationInvitation>();
        }
        if (member.Role != OrganisationRole.Owner)
        {
            return Refuse<OrganisationInvitation>(RefusalCodes.Forbidden, "Only an owner invites.");
        }
        state.Invitations.RemoveAll(i => i.ExpiresAt <= now);
        if (state.Invitations.Count >= MaxPendingInvitations)
        {
            return Refuse<OrganisationInvitation>(RefusalCodes.Full, $"At most {MaxPendingInvitations} invitations wait at once.");
        }
        var key = Secrets.NewKey();
        var expiresAt = now + InvitationLifetime;
        state.Invitations.Add(new PendingInvitation { KeyHash = Secrets.Hash(key), ExpiresAt = expiresAt });
        return Outcome<OrganisationInvitation>.Ok(new OrganisationInvitation(key, expiresAt));
    }

    public Outcome<OrganisationView> Accept(string subject, string memberName, string invitationKey, DateTimeOffset now)
    {
        if (Text.Required(subject, MaxSubject) is not { } who)
        {
            return Refuse<OrganisationView>(RefusalCodes.Invalid, "subject: required.", "subject");
        }
        var invitation = state.Invitations.Find(i => i.ExpiresAt > now && Secrets.Matches(invitationKey ?? "", i.KeyHash));
        if (invitation is null)
        {
            return Refuse<OrganisationView>(RefusalCodes.Forbidden, "This invitation is unknown, used or expired.");
        }
        if (Member(who) is not null)
        {
            return Outcome<OrganisationView>.Ok(View(who));
        }
        if (state.Members.Count >= MaxMembers)
        {
            return Refuse<OrganisationView>(RefusalCodes.Full, $"An organisation has at most {MaxMembers} members.");
        }
        state.Invitations.Remove(invitation);
        state.Members.Add(new OrganisationMember(who, MemberName(memberName), OrganisationRole.Facilitator, now));
        return Outcome<OrganisationView>.Ok(View(who));
    }

    public Outcome<Done> AddCafe(string subject, Guid sessionId, string joinCode, string title, string facilitatorKey, DateTimeOffset now)
    {
        if (Member(subject) is null)
        {
            return NotAMember<Done>();
        }
        if (!state.Cafes.Exists(c => c.SessionId == sessionId))
        {
            state.Cafes.Add(new OwnedCafe
            {
                SessionId = sessionId, JoinCode = joinCode, Title = Text.Required(title, MaxTitle) ?? "", CreatedBy = subject, HeldBy = subject,
                CreatedAt = now, FacilitatorKey = facilitatorKey,
            });
        }
        return Outcome<Done>.Ok(Done.Instance);
    }

    public Outcome<RecoveredKeys> RecoverKeys(string subject, Guid sessionId)
    {
        if (Member(subject) is null)
        {
            return NotAMember<RecoveredKeys>();
        }
        return state.Cafes.Find(c => c.SessionId == sessionId) is { } cafe
            ? Outcome<RecoveredKeys>.Ok(new RecoveredKeys(cafe.SessionId, cafe.JoinCode, cafe.FacilitatorKey))
            : Refuse<RecoveredKeys>(RefusalCodes.NotFound, "This café is not the organisation's.");
    }

    /// <summary>The café's holder (or an owner) hands it over to another member, who then answers for it.</summary>
    public Outcome<OrganisationView> HandOver(string subject, Guid sessionId, string toSubject)
    {
        if (Member(subject) is not { } caller)
        {
            return NotAMember<OrganisationView>();
        }
        if (state.Cafes.Find(c => c.SessionId == sessionId) is not { } cafe)
        {
            return Refuse<OrganisationView>(RefusalCodes.NotFound, "This café is not the organisation's.");
        }
        if (caller.Role != OrganisationRole.Owner && Holder(cafe) != caller.Subject)
        {
            return Refuse<OrganisationView>(RefusalCodes.Forbidden, "Only the café's holder or an owner hands it over.");
        }
        if (Member(toSubject ?? "") is not { } next)
        {
            return Refuse<OrganisationView>(RefusalCodes.NotFound, "subject: not a member of this organisation.", "subject");
        }
        cafe.HeldBy = next.Subject;
        return Outcome<OrganisationView>.Ok(View(subject));
    }

    public Outcome<Done> RemoveMember(string subject, string memberSubject)
    {
        if (Member(subject) is not { } caller)
        {
            return NotAMember<Done>();
        }
        if (caller.Subject != memberSubject && caller.Role != OrganisationRole.Owner)
        {
            return Refuse<Done>(RefusalCodes.Forbidden, "Only an owner removes another member.");
        }
        if (Member(memberSubject) is not { } removed)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "No such member.", "subject");
        }
        if (removed.Role == OrganisationRole.Owner && state.Members.Count(m => m.Role == OrganisationRole.Owner) == 1 && state.Members.Count > 1)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "The last owner cannot leave while other members remain.", "subject");
        }
        state.Members.Remove(removed);
        // The cafés stay the organisation's; who created them goes with the member's data.
        foreach (var cafe in state.Cafes)
        {
            if (Holder(cafe) == memberSubject)
            {
                cafe.HeldBy = "";
            }
            if (cafe.CreatedBy == memberSubject)
            {
                cafe.CreatedBy = "";
            }
        }
        return Outcome<Done>.Ok(Done.Instance);
    }

    private OrganisationMember? Member(string subject) => state.Members.Find(m => m.Subject == subject);

    /// <summary>What a member sees; the cafés newest first (the order they were added in, reversed).</summary>
    private OrganisationView View(string subject) => new(
        id, state.Name, Member(subject)!.Role, [.. state.Members],
        [.. Enumerable.Reverse(state.Cafes).Select(c => new OrganisationCafe(c.SessionId, c.JoinCode, c.Title, c.CreatedBy, c.CreatedAt, Holder(c)))]);

    /// <summary>Who answers for a café: whoever it was handed to, else (stored before hand-overs existed) its creator.</summary>
    private static string Holder(OwnedCafe cafe) => cafe.HeldBy ?? cafe.CreatedBy;

    private static string MemberName(string? name) => Text.Required(name, MaxMemberName) ?? "";

    private static Outcome<T> NotAMember<T>() => Refuse<T>(RefusalCodes.Forbidden, "You are not a member of this organisation.");

    private static Outcome<T> Refuse<T>(string code, string message, string? field = null) => Outcome<T>.Refuse(new Refusal(code, message, field));
}
