using CafeIA.Grains.Abstractions;
using CafeIA.Grains.Sessions;

namespace CafeIA.Grains.Organisations;

/// <summary>One facilitator's organisations (state "memberships" in the "cafe" storage); cleared when the last one goes.</summary>
public sealed class MembershipsGrain(
    [PersistentState("memberships", StorageNames.Cafe)] IPersistentState<MembershipsState> store) : Grain, IMembershipsGrain
{
    public async Task Add(Guid organisationId)
    {
        if (store.State.Organisations.Contains(organisationId))
        {
            return;
        }
        store.State.Organisations.Add(organisationId);
        await store.WriteStateAsync();
    }

    public async Task Remove(Guid organisationId)
    {
        if (!store.State.Organisations.Remove(organisationId))
        {
            return;
        }
        if (store.State.Organisations.Count == 0)
        {
            await store.ClearStateAsync();
            return;
        }
        await store.WriteStateAsync();
    }

    public Task<Guid[]> List() => Task.FromResult(store.State.Organisations.ToArray());
}

/// <summary>The organisations a facilitator joined, in the order they joined them.</summary>
public sealed class MembershipsState
{
    public List<Guid> Organisations { get; set; } = [];
}
