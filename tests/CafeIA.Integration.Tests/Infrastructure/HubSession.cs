using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// A session created over HTTP and the screens joined to it (the facilitator first), disposed
/// together: what hub-test classes otherwise each write in their InitializeAsync, Join and DisposeAsync.
/// </summary>
internal sealed class HubSession : IAsyncDisposable
{
    private readonly List<CafeClient> _clients = [];
    private readonly Uri _gateway;

    private HubSession(Uri gateway, SessionCreated created) => (_gateway, Created) = (gateway, created);

    public SessionCreated Created { get; }
    public CafeClient Facilitator { get; private set; } = null!;

    /// <summary>Creates the session, joins its facilitator and, unless <paramref name="live"/> is false, starts it.</summary>
    public static async Task<HubSession> Start(Uri gateway, string title, bool live = true, ParticipantMode facilitatorMode = ParticipantMode.Remote)
    {
        var session = new HubSession(gateway, await CafeClient.CreateSession(gateway, title));
        session.Facilitator = await session.Join(new JoinOptions(Key: session.Created.FacilitatorKey, Mode: facilitatorMode));
        if (live)
        {
            await session.Facilitator.Invoke("StartSession");
        }
        return session;
    }

    public async Task<CafeClient> Join(JoinOptions options)
    {
        var client = await CafeClient.Join(_gateway, Created.JoinCode, options);
        _clients.Add(client);
        return client;
    }

    /// <summary>Closes one screen before the others (a tab closed mid-test).</summary>
    public async Task Leave(CafeClient client)
    {
        _clients.Remove(client);
        await client.DisposeAsync();
    }

    public Task<CafeClient> Participant(string name, ParticipantMode mode = ParticipantMode.Remote) => Join(new JoinOptions(name, mode));

    public Task<CafeClient> Moderator() => Join(new JoinOptions("Modération", Key: Created.ModeratorKey));

    public Task<CafeClient> Projector() => Join(new JoinOptions(Key: Created.ProjectorKey));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }
}
