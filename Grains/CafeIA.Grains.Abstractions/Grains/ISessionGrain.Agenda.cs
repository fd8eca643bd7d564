using CafeIA.Wire;

namespace CafeIA.Grains.Abstractions;

/// <summary>The agenda and the session as a format (docs/PROTOCOL.md, "Agenda" and "Formats").</summary>
public partial interface ISessionGrain
{
    [Alias("SetAgenda")]
    Task<Outcome<Done>> SetAgenda(string participantId, SetAgendaRequest request);

    [Alias("NextActivity")]
    Task<Outcome<Done>> NextActivity(string participantId);

    [Alias("FocusActivity")]
    Task<Outcome<Done>> FocusActivity(string participantId, string? activityId);

    [Alias("StopTimer")]
    Task<Outcome<Done>> StopTimer(string participantId);

    [Alias("ExtendTimer")]
    Task<Outcome<Done>> ExtendTimer(string participantId, ExtendTimerRequest request);

    [Alias("SetDetails")]
    Task<Outcome<Done>> SetDetails(string participantId, SessionDetailsRequest request);
}
