using CafeIA.Grains.Abstractions;
using CafeIA.Grains.Mail;
using CafeIA.Grains.Sessions;

namespace CafeIA.Grains.Cafes;

public sealed class MailScheduleState
{
    public Dictionary<Guid, DateTimeOffset> Due { get; set; } = [];
}

/// <summary>
/// When each café's mail is next due. It calls no other grain: the cafés' mail grains write their
/// own entries (awaited, from inside their calls) and the sweepers ask it what is due, so no call
/// chain ever comes back to a grain that is waiting on it.
/// </summary>
public sealed class MailScheduleGrain(
    [PersistentState("mailSchedule", StorageNames.Cafe)] IPersistentState<MailScheduleState> store,
    SmtpMailer mailer,
    TimeProvider clock) : Grain, IMailScheduleGrain
{
    public Task<bool> IsOn() => Task.FromResult(mailer.IsOn);

    public async Task Schedule(Guid sessionId, DateTimeOffset? dueAt)
    {
        var changed = dueAt is { } at
            ? !store.State.Due.TryGetValue(sessionId, out var before) || before != at
            : store.State.Due.Remove(sessionId);
        if (dueAt is { } due)
        {
            store.State.Due[sessionId] = due;
        }
        if (changed)
        {
            await store.WriteStateAsync();
        }
    }

    public Task<Guid[]> Due()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult<Guid[]>([.. store.State.Due.Where(d => d.Value <= now).OrderBy(d => d.Value).Select(d => d.Key)]);
    }
}
