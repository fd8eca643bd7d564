using CafeIA.Wire;

namespace CafeIA.Grains.Sessions;

/// <summary>The agenda's commands (Domain/Session.Agenda.cs) and the café's details.</summary>
public sealed partial class SessionGrain
{
    public Task<Outcome<Done>> SetAgenda(string participantId, SetAgendaRequest request) => Apply(participantId, s => s.SetAgenda(participantId, request));

    public Task<Outcome<Done>> NextActivity(string participantId) => Apply(participantId, s => s.NextActivity(participantId));

    public Task<Outcome<Done>> FocusActivity(string participantId, string? activityId) =>
        Apply(participantId, s => s.FocusActivity(participantId, activityId));

    public Task<Outcome<Done>> StopTimer(string participantId) => Apply(participantId, s => s.StopTimer(participantId));

    public Task<Outcome<Done>> ExtendTimer(string participantId, ExtendTimerRequest request) => Apply(participantId, s => s.ExtendTimer(participantId, request));

    public Task<Outcome<Done>> SetDetails(string participantId, SessionDetailsRequest request) => Apply(participantId, s => s.SetDetails(participantId, request));
}
