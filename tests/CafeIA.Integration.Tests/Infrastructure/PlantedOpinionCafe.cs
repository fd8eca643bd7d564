using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// An opinion map played over the hub with planted groups: <see cref="Groups"/> groups of
/// <see cref="PerGroup"/> participants (on site and remote in turn) and three blocks of three
/// statements plus one everyone agrees with. Group g agrees with block g, disagrees with block
/// g+1 and passes on block g+2. Each participant votes by following the `next` the server hands
/// them until none is left, as a phone does.
/// </summary>
internal sealed class PlantedOpinionCafe : IAsyncDisposable
{
    public const int Groups = 3;
    public const int PerGroup = 8;
    public const string Consensus = "Il faut en parler ensemble";

    /// <summary>Three blocks of three statements, then the one everyone agrees with.</summary>
    public static readonly string[] Texts =
    [
        "Les données de santé doivent rester publiques", "L'État doit héberger ses propres serveurs", "Les algorithmes publics doivent être ouverts",
        "L'IA fera gagner du temps aux agents", "Les chatbots peuvent accueillir le public", "Les administrations doivent tester l'IA vite",
        "L'IA à l'école doit attendre", "Il faut une pause dans le déploiement", "Les élus doivent voter chaque usage",
        Consensus,
    ];

    private HubSession _session = null!;

    /// <summary>A statement's block (0..2) by its text, or -1 for the consensus and any other text.</summary>
    public static int BlockOf(string text) => Array.IndexOf(Texts, text) is var at && at is >= 0 and < 9 ? at / 3 : -1;

    public SessionCreated Created => _session.Created;
    public CafeClient Facilitator => _session.Facilitator;
    public string OpinionId { get; private set; } = "";

    /// <summary>Each participant's client and planted group.</summary>
    public List<(CafeClient Client, int Group)> Participants { get; } = [];

    /// <summary>Statement id → its block (0..2), or -1 for the one everyone agrees with.</summary>
    public Dictionary<string, int> Blocks { get; } = [];

    public static async Task<PlantedOpinionCafe> Play(Uri gateway)
    {
        var cafe = new PlantedOpinionCafe { _session = await HubSession.Start(gateway, "Café IA, la carte des avis") };
        cafe.OpinionId = (await cafe.Facilitator.Invoke<OpinionCreated>("CreateOpinion", new CreateOpinionRequest("L'IA dans le service public", Texts))).OpinionId;
        for (var i = 0; i < Groups * PerGroup; i++)
        {
            var client = await cafe._session.Participant($"P{i}", i % 2 == 0 ? ParticipantMode.Onsite : ParticipantMode.Remote);
            cafe.Participants.Add((client, i / PerGroup));
        }
        await cafe.Facilitator.Invoke("OpenOpinion", new OpinionRef(cafe.OpinionId));
        var opinion = (await cafe.Facilitator.Snapshot()).Opinions!.Single();
        for (var s = 0; s < opinion.Statements.Length; s++)
        {
            cafe.Blocks[opinion.Statements[s].Id] = s < 9 ? s / 3 : -1;
        }
        await Task.WhenAll(cafe.Participants.Select(p => cafe.VoteAll(p.Client, p.Group)));
        return cafe;
    }

    public static StatementVote Planted(int group, int block) =>
        block < 0 || block == group ? StatementVote.Agree
        : block == (group + 1) % Groups ? StatementVote.Disagree
        : StatementVote.Pass;

    private async Task VoteAll(CafeClient client, int group)
    {
        var next = (await client.Snapshot()).Opinions!.Single().Next;
        var voted = new HashSet<string>();
        while (next is not null)
        {
            if (!voted.Add(next))
            {
                throw new InvalidOperationException($"{next} was offered twice to {client.ParticipantId}");
            }
            next = (await client.Invoke<StatementVoted>("VoteStatement",
                new VoteStatementRequest(OpinionId, next, Planted(group, Blocks[next]), OpId: $"v-{next}"))).Next;
        }
        if (voted.Count != Blocks.Count)
        {
            throw new InvalidOperationException($"{client.ParticipantId} was offered {voted.Count} of {Blocks.Count} statements");
        }
    }

    /// <summary>
    /// The staff's view of the opinion once the map holds every participant in groups, with each
    /// participant's own view taken while the staff's did not change (taken before and after them).
    /// </summary>
    public async Task<(OpinionView Staff, OpinionView[] Mine)> SettledMap()
    {
        var settled = await Eventually.Get<(OpinionView? Staff, OpinionView[]? Mine)>(async () =>
        {
            var before = (await Facilitator.Snapshot()).Opinions!.Single();
            if (before.Map?.Length != Participants.Count || before.Groups.Length < 2)
            {
                return default;
            }
            var mine = await Task.WhenAll(Participants.Select(async p => (await p.Client.Snapshot()).Opinions!.Single()));
            var after = (await Facilitator.Snapshot()).Opinions!.Single();
            return Same(before, after) ? (after, mine) : default;
        }, view => view.Staff is not null, "a settled opinion map", TimeSpan.FromSeconds(60));
        return (settled.Staff!, settled.Mine!);
    }

    private static bool Same(OpinionView a, OpinionView b) =>
        a.Map!.SequenceEqual(b.Map ?? []) && a.Groups.Select(g => (g.Id, g.Size)).SequenceEqual(b.Groups.Select(g => (g.Id, g.Size)));

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
