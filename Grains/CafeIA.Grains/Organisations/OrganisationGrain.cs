using CafeIA.Grains.Abstractions;
using CafeIA.Grains.Sessions;
using CafeIA.Wire;

namespace CafeIA.Grains.Organisations;

/// <summary>
/// The shell around <see cref="Organisation"/>: Orleans runs one call at a time, so each accepted
/// change is written before the call returns (acknowledged means durable); a refusal writes nothing.
/// </summary>
public sealed class OrganisationGrain(
    [PersistentState("organisation", StorageNames.Cafe)] IPersistentState<OrganisationState> store,
    TimeProvider clock) : Grain, IOrganisationGrain
{
    private Organisation Rules => new(this.GetPrimaryKey(), store.State);

    public async Task<Outcome<OrganisationView>> Create(string subject, string memberName, string name) =>
        await Indexed(await Commit(Rules.Create(subject, memberName, name, clock.GetUtcNow())), subject);

    public Task<Outcome<OrganisationView>> Get(string subject) => Task.FromResult(Rules.Get(subject));

    public Task<Outcome<OrganisationInvitation>> Invite(string subject) => Commit(Rules.Invite(subject, clock.GetUtcNow()));

    public async Task<Outcome<OrganisationView>> Accept(string subject, string memberName, string invitationKey) =>
        await Indexed(await Commit(Rules.Accept(subject, memberName, invitationKey, clock.GetUtcNow())), subject);

    public Task<Outcome<Done>> AddCafe(string subject, Guid sessionId, string joinCode, string title, string facilitatorKey) =>
        Commit(Rules.AddCafe(subject, sessionId, joinCode, title, facilitatorKey, clock.GetUtcNow()));

    public Task<Outcome<RecoveredKeys>> RecoverKeys(string subject, Guid sessionId) => Task.FromResult(Rules.RecoverKeys(subject, sessionId));

    public Task<Outcome<OrganisationView>> HandOver(string subject, Guid sessionId, string toSubject) =>
        Commit(Rules.HandOver(subject, sessionId, toSubject));

    public async Task<Outcome<Done>> RemoveMember(string subject, string memberSubject)
    {
        var outcome = await Commit(Rules.RemoveMember(subject, memberSubject));
        if (!outcome.IsRefused)
        {
            await GrainFactory.GetGrain<IMembershipsGrain>(memberSubject).Remove(this.GetPrimaryKey());
        }
        return outcome;
    }

    /// <summary>After the organisation stored a new member: their own list of organisations names it too.</summary>
    private async Task<Outcome<OrganisationView>> Indexed(Outcome<OrganisationView> outcome, string subject)
    {
        if (!outcome.IsRefused)
        {
            await GrainFactory.GetGrain<IMembershipsGrain>(subject).Add(this.GetPrimaryKey());
        }
        return outcome;
    }

    private async Task<Outcome<T>> Commit<T>(Outcome<T> outcome)
    {
        if (outcome.IsRefused)
        {
            // The rules may have changed the state in memory before refusing (expired invitations
            // swept): reading it back keeps "a refusal changes nothing" true of what is stored.
            await store.ReadStateAsync();
            return outcome;
        }
        await store.WriteStateAsync();
        return outcome;
    }
}
