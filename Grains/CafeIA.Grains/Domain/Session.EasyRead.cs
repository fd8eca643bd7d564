using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// Easy-read mode (FALC) as the session's default (docs/PROTOCOL.md, "Easy-read mode"): phones and
/// kiosks open in it unless their reader switched it themselves. The server only keeps the choice;
/// the pages hold the texts and the layout.
/// </summary>
public sealed partial class Session
{
    public Outcome<Done> SetEasyRead(string participantId, EasyReadRequest request)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (request.On is not { } on)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "Easy-read is on (true) or off (false).");
        }
        if (state.EasyRead != on)
        {
            state.EasyRead = on;
            Emit(new EasyReadChanged(on));
        }
        return Ok();
    }
}
