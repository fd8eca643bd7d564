using System.Diagnostics;
using System.Net.WebSockets;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Xunit.Abstractions;

namespace CafeIA.Integration.Tests.Security;

/// <summary>
/// A whole school behind one address: every one of its connections joins (joined connections are
/// not counted per address), while a flood of connections that never join is refused, and
/// failed joins are still limited. Real sockets, all from 127.0.0.1, with the default limits.
/// </summary>
public sealed class CrowdedNetworkTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_thousand_connections_from_one_address_all_join_a_large_session()
    {
        const int audience = 2_000;
        using var data = new TempDirectory();
        await using var host = await GatewayHost.StartEmbedded(data.Path);
        var created = await CafeClient.CreateSession(host.BaseAddress, "Lycée entier");
        await using var facilitator = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");

        var clock = Stopwatch.StartNew();
        var pupils = new RawHubClient?[audience];
        var failures = 0;
        // A school arriving: many pages connecting and joining at once (64 at a time here). Each
        // page is a bare SignalR client that keeps reading what it is sent, without parsing it,
        // so that the test's own process does not spend the two cores decoding 2,000 copies.
        await Parallel.ForEachAsync(Enumerable.Range(0, audience), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            try
            {
                var pupil = await RawHubClient.Connect(host.BaseAddress);
                pupils[i] = pupil;
                if (await pupil.Invoke("JoinSession", $"[\"{created.JoinCode}\",{{\"displayName\":\"Élève {i}\",\"mode\":\"onsite\"}}]") is { } error)
                {
                    throw new InvalidOperationException(error);
                }
                _ = pupil.Drain();
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref failures);
                output.WriteLine($"pupil {i}: {ex.Message}");
            }
        });
        var joinedIn = clock.Elapsed;
        try
        {
            Assert.Equal(0, failures);
            // The facilitator sees every one of them in the room (plus themselves).
            await Eventually.Get(() => Task.FromResult(facilitator.State.Counts), c => c.Onsite + c.Remote >= audience,
                $"{audience} attendees counted", TimeSpan.FromSeconds(30));
            output.WriteLine($"{audience} connections from 127.0.0.1 joined in {joinedIn.TotalSeconds:F1} s; counted after {clock.Elapsed.TotalSeconds:F1} s.");
        }
        finally
        {
            await Parallel.ForEachAsync(pupils, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (p, _) =>
            {
                if (p is not null)
                {
                    await p.DisposeAsync();
                }
            });
        }
    }

    [Fact]
    public async Task A_flood_of_unjoined_connections_from_one_address_is_refused_and_joining_frees_its_place()
    {
        var limit = new SessionLimits().UnjoinedConnectionsPerAddress;
        using var data = new TempDirectory();
        await using var host = await GatewayHost.StartEmbedded(data.Path);
        var created = await CafeClient.CreateSession(host.BaseAddress, "Inondation de sockets");
        var waiting = new List<RawHubClient>();
        try
        {
            for (var i = 0; i < limit; i++)
            {
                waiting.Add(await RawHubClient.Connect(host.BaseAddress));
            }
            // Handshakes are answered before the hub's connect filter runs, calls only after it:
            // once each has answered a call, all of them are counted.
            await Task.WhenAll(waiting.Select(w => w.Invoke("GetSnapshot", "[]")));

            // The next one is told why, then closed (a time-out here if it stayed open).
            Assert.Equal(RefusalCodes.RateLimited, await RefusedConnection(host.BaseAddress));

            // One of them joins: it leaves the unjoined count, and a newcomer takes its place, the last one.
            Assert.Null(await waiting[0].Invoke("JoinSession", $"[\"{created.JoinCode}\",{{\"displayName\":\"Enfin\"}}]"));
            var newcomer = await RawHubClient.Connect(host.BaseAddress);
            waiting.Add(newcomer);
            await newcomer.Invoke("GetSnapshot", "[]");
            Assert.Equal(RefusalCodes.RateLimited, await RefusedConnection(host.BaseAddress));

            // Closing an unjoined connection frees its place too (once the gateway has seen it close).
            await waiting[1].DisposeAsync();
            waiting.RemoveAt(1);
            var later = await Eventually.Get(() => TryConnect(host.BaseAddress), c => c is not null, "the place of a closed connection");
            waiting.Add(later!);
            Assert.Null(await later!.Invoke("JoinSession", $"[\"{created.JoinCode}\",{{\"displayName\":\"Plus tard\"}}]"));
        }
        finally
        {
            foreach (var client in waiting)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Wrong_keys_count_as_failed_joins_from_their_address()
    {
        var limit = new SessionLimits().FailedJoinsPerMinutePerAddress;
        using var data = new TempDirectory();
        await using var host = await GatewayHost.StartEmbedded(data.Path);
        var created = await CafeClient.CreateSession(host.BaseAddress, "Clés");
        await using var client = await RawHubClient.Connect(host.BaseAddress);
        for (var i = 0; i < limit; i++)
        {
            Assert.Equal("forbidden", (await client.Invoke("JoinSession", $"[\"{created.JoinCode}\",{{\"key\":\"guess{i}\"}}]")));
        }
        Assert.Equal("rate-limited", (await client.Invoke("JoinSession", $"[\"{created.JoinCode}\",{{\"key\":\"guess\"}}]")));
    }

    /// <summary>A connection the gateway counted (it answered a call), or null if it was refused and closed.</summary>
    private static async Task<RawHubClient?> TryConnect(Uri baseAddress)
    {
        var client = await RawHubClient.Connect(baseAddress);
        try
        {
            await client.Invoke("GetSnapshot", "[]");
            return client;
        }
        catch (WebSocketException)
        {
            await client.DisposeAsync();
            return null;
        }
    }

    /// <summary>Connects past the limit: the code of the refusal the server sent before it closed the connection.</summary>
    private static async Task<string> RefusedConnection(Uri baseAddress)
    {
        await using var client = await RawHubClient.Connect(baseAddress);
        var refusal = "";
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        try
        {
            while (await client.Receive().WaitAsync(timeout.Token) is { } message)
            {
                if (message.Contains($"\"target\":\"{ScreenEvents.Refused}\"", StringComparison.Ordinal))
                {
                    using var json = System.Text.Json.JsonDocument.Parse(message);
                    var sent = json.RootElement.GetProperty("arguments")[0];
                    Assert.False(string.IsNullOrEmpty(sent.GetProperty("message").GetString()));
                    refusal = sent.GetProperty("code").GetString() ?? "";
                }
            }
        }
        catch (WebSocketException)
        {
            // Aborted by the server without a close frame: closed all the same.
        }
        return refusal;
    }
}
