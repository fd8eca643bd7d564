using Microsoft.Extensions.Logging;
using CafeIA.Gateway.Fanout;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Fanout;

/// <summary>The forwarder's pump driving its parts, without sockets: what it sends, in order.</summary>
public sealed class SessionChangeForwarderTests
{
    private static readonly Guid Session = Guid.NewGuid();
    private static readonly string StaffGroup = SessionFanout.GroupName(Session, Audience.Staff);
    private static readonly string ParticipantsGroup = SessionFanout.GroupName(Session, Audience.Participants);

    private static SessionChangeForwarder Forwarder(RecordingScreens screens, RecordingLog log) =>
        new(Session, screens, new ConnectionRegistry(), new FanoutOptions { MinSendInterval = TimeSpan.Zero }, _ => { }, log) { Screens = 1 };

    private static Task<IReadOnlyList<Sent>> Until(RecordingScreens screens, Func<IReadOnlyList<Sent>, bool> done, string what) =>
        Eventually.Get(() => Task.FromResult(screens.Sends), done, what, TimeSpan.FromSeconds(10));

    private static bool HasChanges(IReadOnlyList<Sent> sends, string to, long seq) =>
        sends.Any(s => s.To.Contains(to) && s.Method == ScreenEvents.Changes && ((ChangeBatch)s.Payload).Seq == seq);

    [Fact]
    public async Task A_send_that_fails_unexpectedly_is_logged_and_the_next_batch_still_reaches_the_screens()
    {
        var (screens, log) = (new RecordingScreens(), new RecordingLog());
        var forwarder = Forwarder(screens, log);
        screens.FailNext(1);

        await forwarder.OnChanges(Session, Batches.ForEveryone(1));
        await Eventually.Get(() => Task.FromResult(screens.Failed), failed => failed == 1, "the failing send");
        await forwarder.OnChanges(Session, Batches.ForEveryone(2));

        var sends = await Until(screens, s => HasChanges(s, StaffGroup, 2) && HasChanges(s, ParticipantsGroup, 2), "the next batch");
        Assert.IsType<InvalidOperationException>(Assert.Single(log.Entries, e => e.Level == LogLevel.Error).Exception);
        // The participants' group was not sent seq 1 when the failure struck: it still gets every seq, in order.
        var participants = sends.Where(s => s.To.Contains(ParticipantsGroup)).Select(s => (ChangeBatch)s.Payload).ToList();
        Assert.Equal(1, participants[0].From ?? participants[0].Seq);
        Assert.All(participants.Zip(participants.Skip(1)), pair => Assert.Equal(pair.First.Seq + 1, pair.Second.From ?? pair.Second.Seq));
        Assert.False(forwarder.Completion.IsCompleted);

        forwarder.Complete();
        await forwarder.Completion.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_joiner_is_replayed_alone_what_its_group_was_sent_after_its_snapshot()
    {
        var (screens, log) = (new RecordingScreens(), new RecordingLog());
        var forwarder = Forwarder(screens, log);
        await forwarder.OnChanges(Session, Batches.ForEveryone(1));
        await forwarder.OnChanges(Session, Batches.ForEveryone(2));
        await Until(screens, s => HasChanges(s, ParticipantsGroup, 2), "both batches");

        Assert.True(await forwarder.CatchUp("late", Audience.Participants, "p9", afterSeq: 0));
        var replayed = (ChangeBatch)Assert.Single(screens.Sends, s => s.To.SequenceEqual(["late"])).Payload;
        Assert.Equal((1L, 2L), (replayed.From, replayed.Seq));

        // Caught up already: nothing more is sent to it.
        Assert.True(await forwarder.CatchUp("later", Audience.Participants, "p10", afterSeq: 2));
        Assert.DoesNotContain(screens.Sends, s => s.To.SequenceEqual(["later"]));
        forwarder.Complete();
        await forwarder.Completion.WaitAsync(TimeSpan.FromSeconds(10));
    }
    private static ProgrammeView National(int voters) => new("p", "Journée", 2,
        [new ProgrammePollView("pp", "?", PollKind.Single, ["oui", "non"], new Tally([voters, 0], [voters, 0], [0, 0], voters, voters, 0, 2))]);

    private static int Voters(ProgrammeView view) => view.Polls[0].National.Voters;

    /// <summary>Returns once the pump has handled everything written to it before (a joiner's catch-up is answered in turn).</summary>
    private static async Task Handled(SessionChangeForwarder forwarder) =>
        Assert.True(await forwarder.CatchUp("barrier", Audience.Staff, "barrier", afterSeq: long.MaxValue / 2));

    private static List<ProgrammeView> NationalSent(IReadOnlyList<Sent> sends) =>
        [.. sends.Where(s => s.To.Contains(ParticipantsGroup) && s.Method == ScreenEvents.Programme).Select(s => (ProgrammeView)s.Payload)];

    [Fact]
    public async Task The_national_tallies_ride_with_the_participants_next_batch_and_their_turn_then_sends_nothing()
    {
        var (screens, log) = (new RecordingScreens(), new RecordingLog());
        var forwarder = Forwarder(screens, log);
        forwarder.OfferNational(National(3));
        forwarder.OfferNational(National(5));
        await forwarder.OnChanges(Session, Batches.ForEveryone(1));
        var sends = await Until(screens, s => HasChanges(s, ParticipantsGroup, 1), "the batch");
        var batch = (ChangeBatch)sends.Single(s => s.To.Contains(ParticipantsGroup) && s.Method == ScreenEvents.Changes).Payload;
        // The latest view offered, inside the batch; the staff's batch carries none (they get theirs paced apart).
        Assert.Equal(5, Voters(batch.Programme!));
        Assert.All(sends.Where(s => s.To.Contains(StaffGroup)), s => Assert.Null(((ChangeBatch)s.Payload).Programme));

        // The turn after: a batch carried one within the period, so no message of its own, even for a newer view.
        forwarder.OfferNational(National(7));
        forwarder.SendNational();
        await Handled(forwarder);
        Assert.Empty(NationalSent(screens.Sends));
        // The next turn: nothing carried since the last one, so the view goes alone.
        forwarder.SendNational();
        sends = await Until(screens, s => NationalSent(s).Count == 1, "the national view on the second turn");
        Assert.Equal(7, Voters(Assert.Single(NationalSent(sends))));

        // A turn with nothing new offered sends nothing.
        forwarder.SendNational();
        await forwarder.OnChanges(Session, Batches.ForEveryone(2));
        sends = await Until(screens, s => HasChanges(s, ParticipantsGroup, 2), "the second batch");
        Assert.Single(NationalSent(sends));
        Assert.Null(((ChangeBatch)sends.Single(s => s.To.Contains(ParticipantsGroup) && s.Method == ScreenEvents.Changes && ((ChangeBatch)s.Payload).Seq == 2).Payload).Programme);
        forwarder.Complete();
        await forwarder.Completion.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Once_the_tallies_settle_the_participants_get_the_final_view_even_right_after_a_batch_carried_one()
    {
        var (screens, log) = (new RecordingScreens(), new RecordingLog());
        var forwarder = Forwarder(screens, log);
        forwarder.OfferNational(National(9));
        await forwarder.OnChanges(Session, Batches.ForEveryone(1));
        await Until(screens, s => HasChanges(s, ParticipantsGroup, 1), "the batch");

        forwarder.OfferNational(National(10));
        forwarder.SendNational(settled: true);
        var sends = await Until(screens, s => NationalSent(s).Count == 1, "the final view");
        Assert.Equal(10, Voters(Assert.Single(NationalSent(sends))));

        // Settled again with nothing newer: they have it.
        forwarder.SendNational(settled: true);
        await forwarder.OnChanges(Session, Batches.ForEveryone(2));
        sends = await Until(screens, s => HasChanges(s, ParticipantsGroup, 2), "the second batch");
        Assert.Single(NationalSent(sends));
        forwarder.Complete();
        await forwarder.Completion.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
