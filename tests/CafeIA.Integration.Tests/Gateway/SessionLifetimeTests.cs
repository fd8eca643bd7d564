using CafeIA.Grains.Abstractions;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>
/// Sessions nobody watches leave memory (Sessions:IdleAfter) and come back from storage intact;
/// a session on someone's screen stays, kept alive by its gateway's subscription renewals.
/// </summary>
public sealed class SessionLifetimeTests
{
    [Fact]
    public async Task An_unwatched_session_leaves_memory_while_a_watched_one_stays_and_both_come_back_intact()
    {
        using var data = new TempDirectory();
        await using var host = await GatewayHost.StartEmbedded(data.Path,
            "--Sessions:IdleAfter=00:00:02", "--Fanout:RenewalPeriod=00:00:00.500");
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        Task<int> Activations(SessionCreated s) => management.GetGrainActivationCount((GrainReference)grains.GetGrain<ISessionGrain>(Guid.Parse(s.SessionId)));

        var watched = await CafeClient.CreateSession(host.BaseAddress, "Regardée");
        var unwatched = await CafeClient.CreateSession(host.BaseAddress, "Oubliée");
        var screen = await CafeClient.Join(host.BaseAddress, watched.JoinCode, new JoinOptions(Key: watched.FacilitatorKey));
        // The last call to the unwatched session comes after the watched one's last command.
        await using (var facilitator = await CafeClient.Join(host.BaseAddress, unwatched.JoinCode, new JoinOptions(Key: unwatched.FacilitatorKey)))
        {
            await facilitator.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Qui s'en souviendra ?"));
        }

        await Eventually.Get(() => Activations(unwatched), n => n == 0, "the unwatched session to leave memory");
        // Had the watched one left too, the gateway's next renewal would have loaded it again and
        // told its screen to resync (a new activation).
        Assert.Equal(1, await Activations(watched));
        Assert.Equal(0, screen.Resyncs);

        await screen.DisposeAsync();
        await Eventually.Get(() => Activations(watched), n => n == 0, "the watched session to leave memory once its screen left");

        await using var back = await CafeClient.Join(host.BaseAddress, unwatched.JoinCode, new JoinOptions(Key: unwatched.FacilitatorKey));
        var snapshot = await back.Snapshot();
        Assert.Equal("Oubliée", snapshot.Title);
        Assert.Equal(["Qui s'en souviendra ?"], snapshot.Questions.Select(q => q.Text));
        Assert.Equal(1, await Activations(unwatched));
        await using var again = await CafeClient.Join(host.BaseAddress, watched.JoinCode, new JoinOptions(Key: watched.FacilitatorKey));
        Assert.Equal("Regardée", (await again.Snapshot()).Title);
    }
}
