using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>
/// The opinion map over real SignalR sockets: planted groups found and each participant told their
/// own place, consistent with the staff's map; pending statements kept to their author and the
/// staff; hostile votes refused with stable codes; changed and retried votes.
/// </summary>
public sealed class OpinionHubTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>
{
    private static readonly string[] Seeds = ["L'IA doit être encadrée par la loi", "L'IA va créer des emplois", "Les écoles doivent enseigner l'IA"];

    private static async Task<string> OpenOpinion(HubSession session, params string[] statements)
    {
        var opinion = (await session.Facilitator.Invoke<OpinionCreated>("CreateOpinion", new CreateOpinionRequest("L'IA et nous", statements.Length > 0 ? statements : Seeds))).OpinionId;
        await session.Facilitator.Invoke("OpenOpinion", new OpinionRef(opinion));
        return opinion;
    }

    private static MapPosition? LastPlaceTold(CafeClient client, string opinion) =>
        client.Batches.Where(b => b.Seq < 0).SelectMany(b => b.Events).OfType<OpinionMeChanged>().LastOrDefault(e => e.OpinionId == opinion)?.Me;

    [Fact]
    public async Task Three_planted_groups_each_participant_gets_their_own_group_consistent_with_the_staffs_map()
    {
        await using var cafe = await PlantedOpinionCafe.Play(gateway.BaseAddress);
        var (staff, mine) = await cafe.SettledMap();

        // The staff's map: every voter a dot, the groups' sizes and splits add up to the dots'.
        Assert.Equal(cafe.Participants.Count, staff.Voters);
        Assert.Equal(PlantedOpinionCafe.Groups, staff.Groups.Length);
        Assert.Equal(staff.Map!.Length, staff.Groups.Sum(g => g.Size));
        foreach (var group in staff.Groups)
        {
            var dots = staff.Map.Where(d => d.Group == group.Id).ToList();
            Assert.Equal(group.Size, dots.Count);
            Assert.Equal((group.Onsite, group.Remote), (dots.Count(d => d.Mode == ParticipantMode.Onsite), dots.Count(d => d.Mode == ParticipantMode.Remote)));
        }
        Assert.All(staff.Map, d => Assert.InRange(Math.Max(Math.Abs(d.X), Math.Abs(d.Y)), 0, 1));
        Assert.Equal(PlantedOpinionCafe.Consensus, staff.Statements.Single(s => s.Id == staff.Consensus[0].StatementId).Text);

        // Each participant's own place is one of the staff's dots, and their planted peers share their group.
        var groupOfPlanted = new Dictionary<int, int>();
        for (var i = 0; i < cafe.Participants.Count; i++)
        {
            var (client, planted) = cafe.Participants[i];
            var me = mine[i].Me ?? throw new Xunit.Sdk.XunitException($"{client.ParticipantId} has no place on the map");
            // (Participants who voted alike sit on the same spot: the dot is theirs by place, group and mode.)
            Assert.Contains(staff.Map, d => (d.X, d.Y, d.Group, d.Mode) == (me.X, me.Y, me.Group, client.Joined.Snapshot.Me!.Mode));
            if (!groupOfPlanted.TryAdd(planted, me.Group))
            {
                Assert.Equal(groupOfPlanted[planted], me.Group);
            }
            Assert.Null(mine[i].Map);
            Assert.Null(mine[i].Next);
            Assert.All(mine[i].Statements, s => Assert.Equal(PlantedOpinionCafe.Planted(planted, cafe.Blocks[s.Id]), s.MyVote));
        }
        Assert.Equal(PlantedOpinionCafe.Groups, groupOfPlanted.Values.Distinct().Count());

        // Each group is defined by its own block (agreeing) or by the block it rejects (disagreeing).
        foreach (var (planted, id) in groupOfPlanted)
        {
            var best = staff.Groups.Single(g => g.Id == id).Representative[0];
            Assert.Equal(best.Agrees ? planted : (planted + 1) % PlantedOpinionCafe.Groups, cafe.Blocks[best.StatementId]);
        }

        // The personal events told each phone the same group, within the noticeable move.
        foreach (var ((client, _), view) in cafe.Participants.Zip(mine))
        {
            var told = await Eventually.Get(() => Task.FromResult(LastPlaceTold(client, cafe.OpinionId)),
                place => place is not null && place.Group == view.Me!.Group, $"{client.ParticipantId}'s opinionMe");
            Assert.True(Math.Abs(told!.X - view.Me!.X) + Math.Abs(told.Y - view.Me.Y) < 2 * CafeIA.Domain.Session.NoticeableMove);
        }
    }

    [Fact]
    public async Task A_pending_statement_reaches_nobody_but_its_author_and_the_staff_and_everyone_once_approved()
    {
        await using var session = await HubSession.Start(gateway.BaseAddress, "Café IA modéré");
        var moderator = await session.Moderator();
        var alice = await session.Participant("Alice");
        var bob = await session.Participant("Bob", ParticipantMode.Onsite);
        var projector = await session.Projector();
        await session.Facilitator.Invoke("SetModeration", new ModerationSettings(true));
        var opinion = await OpenOpinion(session);
        const string text = "Un registre public des algorithmes";

        var statement = (await alice.Invoke<StatementAdded>("AddStatement", new AddStatementRequest(opinion, text))).StatementId;
        var mine = await alice.WaitFor<StatementUpdated>(e => e.Statement.Id == statement);
        Assert.Equal((StatementStatus.Pending, true, text), (mine.Statement.Status, mine.Statement.Mine, mine.Statement.Text));
        await moderator.WaitFor<OpinionChanged>(e => e.Opinion.Statements.Any(s => s.Id == statement && s.Status == StatementStatus.Pending));
        // A later change everyone sees: whatever the pending statement sent them came before it.
        await session.Facilitator.Invoke<Announcement>("Announce", new AnnounceRequest("La carte des avis est ouverte"));
        foreach (var other in new[] { bob, projector })
        {
            await other.WaitFor<Announced>(_ => true);
            Assert.DoesNotContain(other.Batches.SelectMany(b => b.Events), e => Mentions(e, statement, text));
            Assert.DoesNotContain((await other.Snapshot()).Opinions!.Single().Statements, s => s.Id == statement);
        }
        Assert.Contains((await alice.Snapshot()).Opinions!.Single().Statements, s => s.Id == statement && s.Status == StatementStatus.Pending && s.Mine == true);
        Assert.Equal(RefusalCodes.NotFound, await CafeClient.RefusalCode(() =>
            bob.Invoke<StatementVoted>("VoteStatement", new VoteStatementRequest(opinion, statement, StatementVote.Agree))));

        await moderator.Invoke("ApproveStatement", new StatementRef(opinion, statement));
        foreach (var other in new[] { bob, projector })
        {
            await other.WaitFor<OpinionChanged>(e => e.Opinion.Statements.Any(s => s.Id == statement && s.Text == text && s.Status == StatementStatus.Approved));
        }
        await bob.Invoke<StatementVoted>("VoteStatement", new VoteStatementRequest(opinion, statement, StatementVote.Agree));
        var counted = await projector.WaitFor<StatementCountsChanged>(e => e.Statements.Any(s => s.Id == statement));
        Assert.Equal(new VoteSplit(1, 0, 0), counted.Statements.Single(s => s.Id == statement).Onsite);

        // Hidden again: the room loses it, its author is told.
        await moderator.Invoke("HideStatement", new StatementRef(opinion, statement));
        await alice.WaitFor<StatementUpdated>(e => e.Statement.Id == statement && e.Statement.Status == StatementStatus.Hidden);
        await Eventually.Get(async () => (await bob.Snapshot()).Opinions!.Single().Statements.Any(s => s.Id == statement), seen => !seen, "the statement gone from Bob's view");
    }

    private static bool Mentions(SessionEvent change, string statement, string text) => change switch
    {
        OpinionChanged e => e.Opinion.Statements.Any(s => s.Id == statement || s.Text == text),
        StatementUpdated e => e.Statement.Id == statement || e.Statement.Text == text,
        StatementCountsChanged e => e.Statements.Any(s => s.Id == statement),
        _ => false,
    };

    [Fact]
    public async Task Hostile_votes_are_refused_with_stable_codes_and_change_nothing()
    {
        await using var session = await HubSession.Start(gateway.BaseAddress, "Café IA hostile");
        var moderator = await session.Moderator();
        var projector = await session.Projector();
        var alice = await session.Participant("Alice");
        await session.Facilitator.Invoke("SetModeration", new ModerationSettings(true));
        var opinion = await OpenOpinion(session);
        var pending = (await alice.Invoke<StatementAdded>("AddStatement", new AddStatementRequest(opinion, "En attente de modération"))).StatementId;
        var closed = await OpenOpinion(session, "Une autre carte");
        await session.Facilitator.Invoke("CloseOpinion", new OpinionRef(closed));
        var seq = (await session.Facilitator.Snapshot()).Seq;

        async Task<string> Refusal(CafeClient who, object payload) =>
            await CafeClient.RefusalCode(() => who.Invoke<StatementVoted>("VoteStatement", payload));
        Assert.Equal(RefusalCodes.Invalid, await Refusal(alice, new { opinionId = opinion, statementId = "s1", vote = "maybe" }));
        Assert.Equal(RefusalCodes.Invalid, await Refusal(alice, new { opinionId = opinion, statementId = "s1", vote = 1 }));
        Assert.Equal(RefusalCodes.Invalid, await Refusal(alice, new { opinionId = opinion, statementId = 1, vote = "agree" }));
        Assert.Equal(RefusalCodes.Invalid, await Refusal(alice, new { opinionId = opinion, statementId = "s1" }));
        Assert.Equal(RefusalCodes.NotFound, await Refusal(alice, new VoteStatementRequest(opinion, "s99", StatementVote.Agree)));
        Assert.Equal(RefusalCodes.NotFound, await Refusal(alice, new VoteStatementRequest("o99", "s1", StatementVote.Agree)));
        Assert.Equal(RefusalCodes.NotFound, await Refusal(alice, new VoteStatementRequest(opinion, pending, StatementVote.Agree)));
        Assert.Equal(RefusalCodes.Closed, await Refusal(alice, new VoteStatementRequest(closed, "s1", StatementVote.Agree)));
        Assert.Equal(RefusalCodes.Forbidden, await Refusal(session.Facilitator, new VoteStatementRequest(opinion, "s1", StatementVote.Agree)));
        Assert.Equal(RefusalCodes.Forbidden, await Refusal(moderator, new VoteStatementRequest(opinion, "s1", StatementVote.Agree)));
        Assert.Equal(RefusalCodes.Forbidden, await Refusal(projector, new VoteStatementRequest(opinion, "s1", StatementVote.Agree)));
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() =>
            alice.Invoke<StatementAdded>("AddStatement", new AddStatementRequest(opinion, new string('x', 141)))));
        Assert.Equal(RefusalCodes.Invalid, await CafeClient.RefusalCode(() =>
            alice.Invoke<StatementAdded>("AddStatement", new { opinionId = opinion, text = new[] { "a" } })));
        Assert.Equal(RefusalCodes.Closed, await CafeClient.RefusalCode(() =>
            alice.Invoke<StatementAdded>("AddStatement", new AddStatementRequest(closed, "Trop tard"))));
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() =>
            alice.Invoke<OpinionCreated>("CreateOpinion", new CreateOpinionRequest("La mienne"))));

        var after = await session.Facilitator.Snapshot();
        Assert.Equal(seq, after.Seq);
        Assert.All(after.Opinions!.SelectMany(o => o.Statements), s => Assert.Equal(0, s.Agree + s.Disagree + s.Pass));
        Assert.All(after.Opinions!, o => Assert.Equal(0, o.Voters));
    }

    [Fact]
    public async Task A_changed_vote_replaces_the_previous_one_and_a_retried_vote_counts_once()
    {
        await using var session = await HubSession.Start(gateway.BaseAddress, "Café IA changeant");
        var alice = await session.Participant("Alice", ParticipantMode.Onsite);
        var chloe = await session.Participant("Chloé", ParticipantMode.Remote);
        var opinion = await OpenOpinion(session);

        await alice.Invoke<StatementVoted>("VoteStatement", new VoteStatementRequest(opinion, "s1", StatementVote.Agree, OpId: "a-1"));
        await alice.Invoke<StatementVoted>("VoteStatement", new VoteStatementRequest(opinion, "s1", StatementVote.Disagree, OpId: "a-2"));
        // The first call retried (a lost acknowledgement): answered, not applied again.
        await alice.Invoke<StatementVoted>("VoteStatement", new VoteStatementRequest(opinion, "s1", StatementVote.Agree, OpId: "a-1"));
        var next = await chloe.Invoke<StatementVoted>("VoteStatement", new VoteStatementRequest(opinion, "s1", StatementVote.Pass));
        Assert.NotEqual("s1", next.Next);
        Assert.Contains(next.Next, new[] { "s2", "s3" });

        var counts = await session.Facilitator.WaitFor<StatementCountsChanged>(e => e.Statements.Any(s => s.Id == "s1" && s.Pass == 1));
        var s1 = counts.Statements.Single(s => s.Id == "s1");
        Assert.Equal((0, 1, 1), (s1.Agree, s1.Disagree, s1.Pass));
        Assert.Equal((new VoteSplit(0, 1, 0), new VoteSplit(0, 0, 1)), (s1.Onsite, s1.Remote));
        var mine = (await alice.Snapshot()).Opinions!.Single();
        Assert.Equal(StatementVote.Disagree, mine.Statements.Single(s => s.Id == "s1").MyVote);
        Assert.Equal(2, mine.Voters);
        Assert.Equal(1, (await session.Facilitator.Snapshot()).Opinions!.Single().Statements.Single(s => s.Id == "s1").Disagree);
    }

    [Fact]
    public async Task Opening_gives_every_phone_a_first_statement_and_the_projector_the_map_without_personal_fields()
    {
        await using var session = await HubSession.Start(gateway.BaseAddress, "Café IA ouvert");
        var alice = await session.Participant("Alice");
        var projector = await session.Projector();
        var opinion = (await session.Facilitator.Invoke<OpinionCreated>("CreateOpinion", new CreateOpinionRequest("L'IA et nous", Seeds))).OpinionId;
        Assert.Null((await alice.Snapshot()).Opinions!.SingleOrDefault());
        await session.Facilitator.Invoke("OpenOpinion", new OpinionRef(opinion));

        var first = await alice.WaitFor<OpinionMeChanged>(e => e.OpinionId == opinion && e.Next is not null);
        Assert.Contains(first.Next, new[] { "s1", "s2", "s3" });
        var shown = await projector.WaitFor<OpinionChanged>(e => e.Opinion.Id == opinion && e.Opinion.State == OpinionState.Open);
        Assert.Equal(3, shown.Opinion.Statements.Length);
        Assert.NotNull(shown.Opinion.Map);
        Assert.Null(shown.Opinion.Next);
        Assert.Null((await alice.WaitFor<OpinionChanged>(e => e.Opinion.Id == opinion)).Opinion.Map);
        Assert.Equal(first.Next, (await alice.Snapshot()).Opinions!.Single().Next);
    }
}
