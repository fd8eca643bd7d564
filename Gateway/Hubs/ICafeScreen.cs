using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Hubs;

/// <summary>
/// What the gateway sends to a screen: the typed client of <see cref="CafeHub"/>. SignalR's proxy
/// sends each method under its <see cref="HubMethodNameAttribute"/> (the wire names, in
/// <see cref="ScreenEvents"/>) and passes a trailing cancellation token to the send.
/// </summary>
public interface ICafeScreen
{
    [HubMethodName(ScreenEvents.Changes)]
    Task Changes(ChangeBatch batch, CancellationToken cancellationToken);

    [HubMethodName(ScreenEvents.Personal)]
    Task Personal(ChangeBatch batch, CancellationToken cancellationToken);

    [HubMethodName(ScreenEvents.Resync)]
    Task Resync(CancellationToken cancellationToken);

    [HubMethodName(ScreenEvents.Reactions)]
    Task Reactions(ReactionBurst burst, CancellationToken cancellationToken);

    [HubMethodName(ScreenEvents.Programme)]
    Task Programme(ProgrammeView programme, CancellationToken cancellationToken);

    [HubMethodName(ScreenEvents.Refused)]
    Task Refused(Refusal refusal, CancellationToken cancellationToken);
}
