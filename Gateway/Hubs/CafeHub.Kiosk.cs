using CafeIA.Wire;

namespace CafeIA.Gateway.Hubs;

/// <summary>The kiosk (docs/PROTOCOL.md, "Kiosk"): a shared device on site where people take turns.</summary>
public sealed partial class CafeHub
{
    public async Task<KioskLinkView> CreateKioskLink(CreateKioskLinkRequest? request) =>
        await Facilitate((s, me) => s.CreateKioskLink(me.ParticipantId, me.FacilitatorKey, request?.Label));

    public async Task RevokeKioskLink(KioskLinkRef? request) =>
        await Facilitate((s, me) => s.RevokeKioskLink(me.ParticipantId, request?.LinkId));

    /// <summary>One person's turn: a new anonymous on-site ballot (kiosk only).</summary>
    public async Task KioskVote(VoteRequest? request)
    {
        var me = Bound();
        if (me.Role != Role.Kiosk)
        {
            throw Refused.With(RefusalCodes.Forbidden, "Only a kiosk takes turns; vote with Vote.");
        }
        Refused.Unwrap(await Session(me).KioskVote(me.ParticipantId, request ?? new VoteRequest(null)));
    }

    /// <summary>Takes back a kiosk's last turn: the kiosk its own, the staff a kiosk's by its link id.</summary>
    public async Task<KioskTurnUndone> UndoKioskTurn(KioskLinkRef? request)
    {
        var me = Bound();
        if (me.Role != Role.Kiosk && !me.IsStaff)
        {
            throw Refused.With(RefusalCodes.Forbidden, "Only a kiosk or the staff can undo a kiosk's turn.");
        }
        return Refused.Unwrap(await Session(me).UndoKioskTurn(me.ParticipantId, request?.LinkId));
    }
}
