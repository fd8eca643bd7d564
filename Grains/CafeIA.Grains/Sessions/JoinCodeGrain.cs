using CafeIA.Grains.Abstractions;

namespace CafeIA.Grains.Sessions;

public sealed class JoinCodeState
{
    public Guid? SessionId { get; set; }
}

/// <summary>Owns one join code; the first session to claim it keeps it.</summary>
public sealed class JoinCodeGrain(
    [PersistentState("joinCode", StorageNames.Cafe)] IPersistentState<JoinCodeState> store) : Grain, IJoinCodeGrain
{
    public async Task<bool> Claim(Guid sessionId)
    {
        if (store.State.SessionId is { } owner)
        {
            return owner == sessionId;
        }
        store.State.SessionId = sessionId;
        await store.WriteStateAsync();
        return true;
    }

    public Task<Guid?> GetSessionId() => Task.FromResult(store.State.SessionId);

    public async Task Release(Guid sessionId)
    {
        if (store.State.SessionId == sessionId)
        {
            await store.ClearStateAsync();
        }
    }
}
