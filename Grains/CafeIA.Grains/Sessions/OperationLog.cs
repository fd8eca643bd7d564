using System.Text.Json;
using CafeIA.Domain;
using CafeIA.Storage;
using CafeIA.Wire;

namespace CafeIA.Grains.Sessions;

/// <summary>
/// Exactly-once commands. The gateway puts the client's operation id in the Orleans request
/// context; a command that changed the session is recorded with its answer in the participant's
/// state (written with the change itself), so a retry after a lost acknowledgement, even after a
/// restart or a move to another silo, gets the first answer and changes nothing.
/// </summary>
internal sealed class OperationLog(Participant participant, string id)
{
    public const int Capacity = 32;

    public static OperationLog? Current(string? participantId, SessionState state) =>
        participantId is not null
        && RequestContext.Get(OperationContext.Key) is string { Length: > 0 } id
        && state.Participants.TryGetValue(participantId, out var participant)
            ? new OperationLog(participant, id)
            : null;

    public Outcome<T>? Replay<T>() =>
        participant.RecentOperations.Find(r => r.Id == id) is { } record
            ? Outcome<T>.Ok(JsonSerializer.Deserialize<T>(record.Result, JsonGrainStateSerializer.Options)!)
            : null;

    public void Record<T>(Session session, Outcome<T> outcome)
    {
        participant.RecentOperations.Add(new OperationRecord
        {
            Id = id,
            Result = JsonSerializer.Serialize(outcome.Value, JsonGrainStateSerializer.Options),
        });
        if (participant.RecentOperations.Count > Capacity)
        {
            participant.RecentOperations.RemoveAt(0);
        }
        session.ParticipantChanged(participant);
    }
}
