using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// Where the forwarder's sends go: SignalR's hub clients (<see cref="HubScreenSender"/>); tests
/// record or fail them. A send that runs out of patience throws <see cref="OperationCanceledException"/>.
/// </summary>
public interface IScreenSender
{
    Task ToGroups(IReadOnlyList<string> groups, string method, object payload, CancellationToken cancellationToken);

    Task ToConnections(IReadOnlyList<string> connectionIds, string method, object payload, CancellationToken cancellationToken);

    Task AddToGroup(string connectionId, string group, CancellationToken cancellationToken);
}

internal sealed class HubScreenSender(IHubContext<Hubs.CafeHub> hub) : IScreenSender
{
    public Task ToGroups(IReadOnlyList<string> groups, string method, object payload, CancellationToken cancellationToken) =>
        groups.Count == 1
            ? hub.Clients.Group(groups[0]).SendAsync(method, payload, cancellationToken)
            : hub.Clients.Groups(groups).SendAsync(method, payload, cancellationToken);

    public Task ToConnections(IReadOnlyList<string> connectionIds, string method, object payload, CancellationToken cancellationToken) =>
        connectionIds.Count == 1
            ? hub.Clients.Client(connectionIds[0]).SendAsync(method, payload, cancellationToken)
            : hub.Clients.Clients(connectionIds).SendAsync(method, payload, cancellationToken);

    public Task AddToGroup(string connectionId, string group, CancellationToken cancellationToken) =>
        hub.Groups.AddToGroupAsync(connectionId, group, cancellationToken);
}
