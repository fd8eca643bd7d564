using CafeIA.Wire;

namespace CafeIA.Gateway.Hubs;

/// <summary>The agenda (docs/PROTOCOL.md, "Agenda"): prepared in Préparer, walked through in Animer.</summary>
public sealed partial class CafeHub
{
    public async Task SetAgenda(SetAgendaRequest? request) =>
        await Facilitate((s, me) => s.SetAgenda(me.ParticipantId, request ?? new SetAgendaRequest(null)));

    public async Task NextActivity(OperationRequest? request) => await Facilitate((s, me) => s.NextActivity(me.ParticipantId));

    public async Task FocusActivity(ActivityRef? request) => await Facilitate((s, me) => s.FocusActivity(me.ParticipantId, request?.ActivityId));

    public async Task StopTimer(OperationRequest? request) => await Facilitate((s, me) => s.StopTimer(me.ParticipantId));

    public async Task ExtendTimer(ExtendTimerRequest? request) =>
        await Facilitate((s, me) => s.ExtendTimer(me.ParticipantId, request ?? new ExtendTimerRequest(null)));

    /// <summary>The café's description, audience and licence, carried by its format.</summary>
    public async Task SetSessionDetails(SessionDetailsRequest? request) =>
        await Facilitate((s, me) => s.SetDetails(me.ParticipantId, request ?? new SessionDetailsRequest()));
}
