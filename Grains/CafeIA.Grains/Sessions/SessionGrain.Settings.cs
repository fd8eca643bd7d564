using CafeIA.Wire;

namespace CafeIA.Grains.Sessions;

/// <summary>The session's settings that only the facilitator changes and every screen follows.</summary>
public sealed partial class SessionGrain
{
    public Task<Outcome<Done>> SetEasyRead(string participantId, EasyReadRequest request) =>
        Apply(participantId, s => s.SetEasyRead(participantId, request));
}
