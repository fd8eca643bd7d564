using CafeIA.Grains.Abstractions;
using CafeIA.Grains.Sessions;

namespace CafeIA.Grains.SignIn;

/// <summary>
/// The gateways' Data Protection key ring (state "keyRing" in the "cafe" storage, with the other
/// grains'). Data Protection adds a key about every 90 days and never deletes one, so the state
/// stays a handful of elements; one write per key, serialised by the grain.
/// </summary>
public sealed class KeyRingGrain(
    [PersistentState("keyRing", StorageNames.Cafe)] IPersistentState<KeyRingState> store) : Grain, IKeyRingGrain
{
    public Task<string[]> Elements() => Task.FromResult(store.State.Elements.Select(e => e.Xml).ToArray());

    public async Task Store(string name, string xml)
    {
        var element = new KeyRingElement { Name = name, Xml = xml };
        var index = store.State.Elements.FindIndex(e => e.Name == name);
        if (index >= 0)
        {
            store.State.Elements[index] = element;
        }
        else
        {
            store.State.Elements.Add(element);
        }
        await store.WriteStateAsync();
    }
}

public sealed class KeyRingState
{
    public List<KeyRingElement> Elements { get; set; } = [];
}

/// <summary>One element as Data Protection named and wrote it ("key-{id}", "revocation-…").</summary>
public sealed class KeyRingElement
{
    public string Name { get; set; } = "";

    public string Xml { get; set; } = "";
}
