using CafeIA.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// Where the forwarder's sends go: SignalR's typed hub clients (<see cref="HubScreenSender"/>); tests
/// record or fail them. A send that runs out of patience throws <see cref="OperationCanceledException"/>.
/// </summary>
public interface IScreenSender
{
    ICafeScreen Groups(IReadOnlyList<string> groups);

    ICafeScreen Connections(IReadOnlyList<string> connectionIds);

    Task AddToGroup(string connectionId, string group, CancellationToken cancellationToken);
}

internal sealed class HubScreenSender(IHubContext<CafeHub, ICafeScreen> hub) : IScreenSender
{
    public ICafeScreen Groups(IReadOnlyList<string> groups) =>
        groups.Count == 1 ? hub.Clients.Group(groups[0]) : hub.Clients.Groups(groups);

    public ICafeScreen Connections(IReadOnlyList<string> connectionIds) =>
        connectionIds.Count == 1 ? hub.Clients.Client(connectionIds[0]) : hub.Clients.Clients(connectionIds);

    public Task AddToGroup(string connectionId, string group, CancellationToken cancellationToken) =>
        hub.Groups.AddToGroupAsync(connectionId, group, cancellationToken);
}
