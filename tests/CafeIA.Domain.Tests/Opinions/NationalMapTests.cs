using CafeIA.Domain.Opinions.Map;

namespace CafeIA.Domain.Tests.Opinions;

/// <summary>
/// The staged national map: a planted population of 3 × 100 people split over 20 cafés, each café
/// aggregating its own votes, the aggregates merged, the national components sent back, each café
/// reducing its people to a few clusters, the programme grouping the clusters.
/// </summary>
public sealed class NationalMapTests
{
    private const int Cafes = 20;
    private static readonly PlantedOpinions Planted = PlantedOpinions.Make(perGroup: 100, seed: 23);

    /// <summary>Every participant in a café at random (seeded); odd participants remote.</summary>
    private static VoteMatrix[] Split(PlantedOpinions planted, int cafes = Cafes)
    {
        var random = new Random(4);
        var cafeOf = planted.Participants.ToDictionary(p => p, _ => random.Next(cafes));
        var matrices = Enumerable.Range(0, cafes).Select(_ => new VoteMatrix(planted.Statements)).ToArray();
        foreach (var (participant, statement, vote) in planted.Votes)
        {
            matrices[cafeOf[participant]].Set(participant, statement, vote);
        }
        return matrices;
    }

    private static bool Onsite(string participant) => participant.Last() % 2 == 0;

    [Fact]
    public void The_national_groups_match_the_planted_ones_and_the_all_agree_statement_comes_first()
    {
        var cafes = Split(Planted);
        var national = cafes.Select(m => OpinionAggregate.From(m, Planted.Statements)).Aggregate((a, b) => a.Merge(b));
        Assert.Equal(cafes.Sum(m => m.Participants), national.Participants);
        var components = NationalComponents.FromAggregate(national, null);
        var reductions = cafes.Select((m, c) => CafeClusters.Reduce($"cafe{c}", m, components, Onsite)).ToArray();
        Assert.All(reductions, r => Assert.True(r.Clusters.Clusters.Count <= CafeClusters.DefaultMost));
        var map = NationalMapper.Compute(components, reductions.Select(r => r.Clusters).ToArray(), null);

        Assert.Equal(3, map.Groups.Count);
        var placed = reductions.SelectMany((r, c) => r.ClusterOf.Select(m => (Participant: m.Key, Group: map.CafeGroups[$"cafe{c}"][m.Value]))).ToArray();
        Assert.True(placed.Length >= 270, $"{placed.Length} placed");
        var ari = AdjustedRand.Index(placed.Select(p => Planted.PlantedGroupOf(p.Participant)).ToArray(), placed.Select(p => p.Group).ToArray());
        Assert.True(ari >= 0.9, $"ARI {ari:F3}");

        Assert.Equal(PlantedOpinions.ConsensusStatement, map.Consensus[0].StatementId);
        Assert.Equal(placed.Length, map.Groups.Sum(g => g.Size));
        Assert.Equal(placed.Count(p => Onsite(p.Participant)), map.Groups.Sum(g => g.Onsite));
        Assert.All(map.Groups, g => Assert.Equal(g.Size, g.Onsite + g.Remote));
        Assert.Equal(placed.Length, map.Dots.Sum(d => d.Weight));
        Assert.All(map.Dots, d => Assert.True(Math.Abs(d.X) <= 1 && Math.Abs(d.Y) <= 1 && map.Groups.Any(g => g.Id == d.Group)));
        foreach (var group in map.Groups)
        {
            var members = placed.Where(p => p.Group == group.Id).GroupBy(p => Planted.PlantedGroupOf(p.Participant)).MaxBy(g => g.Count())!.Key;
            Assert.NotEmpty(group.Representative);
            Assert.All(group.Representative, r => Assert.Contains(r.StatementId, r.Agrees ? Planted.Blocks[members] : Planted.Rejected(members)));
        }
    }

    [Fact]
    public void Merging_in_shards_equals_merging_all_at_once_in_any_order()
    {
        var aggregates = Split(Planted).Select(m => OpinionAggregate.From(m, Planted.Statements)).ToArray();
        var sequential = aggregates.Aggregate((a, b) => a.Merge(b));
        var reversed = aggregates.Reverse().Aggregate((a, b) => a.Merge(b));
        var shards = aggregates.Chunk(6).Select(shard => shard.Aggregate((a, b) => a.Merge(b))).ToArray();
        var staged = shards.Aggregate((a, b) => a.Merge(b));
        foreach (var other in new[] { reversed, staged })
        {
            Assert.Equal(sequential.StatementIds, other.StatementIds);
            Assert.Equal(sequential.Participants, other.Participants);
            Assert.Equal(sequential.Seen, other.Seen);
            Assert.Equal(sequential.Sum, other.Sum);
            Assert.Equal(sequential.Both, other.Both);
            Assert.Equal(sequential.Product, other.Product);
            Assert.Equal(sequential.SumOfFirst, other.SumOfFirst);
            Assert.Equal(sequential.SumOfSecond, other.SumOfSecond);
        }
    }

    [Fact]
    public void The_merged_aggregate_gives_the_covariance_and_the_plane_of_the_whole_matrix_held_in_one_place()
    {
        var whole = Planted.Matrix();
        var merged = Split(Planted).Select(m => OpinionAggregate.From(m, Planted.Statements)).Aggregate((a, b) => a.Merge(b));
        var expected = Covariance.Of(SparseVotes.From(whole));
        var actual = merged.Covariance();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 9);
        }
        var components = NationalComponents.FromAggregate(merged, null);
        var local = OpinionMapper.Compute(whole, null).Memory;
        // Same plane: each national axis lies in the plane of the single matrix's axes.
        foreach (var axis in new[] { components.First, components.Second })
        {
            var inPlane = Math.Pow(PrincipalPlane.Dot(axis, local.First), 2) + Math.Pow(PrincipalPlane.Dot(axis, local.Second), 2);
            Assert.True(inPlane > 0.999, $"{inPlane}");
        }
    }

    [Fact]
    public void A_pool_that_grew_merges_with_older_aggregates_and_a_cafe_without_a_statement_counts_none()
    {
        var older = Planted.Statements[..^1];
        var cafes = Split(Planted, 2);
        var a = OpinionAggregate.From(cafes[0], older);
        var b = OpinionAggregate.From(cafes[1], Planted.Statements);
        var merged = a.Merge(b);
        Assert.Equal(Planted.Statements, merged.StatementIds);
        Assert.Equal(b.Seen[^1], merged.Seen[^1]);
        Assert.Equal(a.Seen[0] + b.Seen[0], merged.Seen[0]);
        Assert.Equal(merged.Seen, b.Merge(a).Seen);
        Assert.Throws<ArgumentException>(() => a.Merge(OpinionAggregate.From(cafes[1], ["other", .. older])));

        // A café whose matrix lacks the last national statement (and names the others its own way).
        var renamed = new VoteMatrix(older.Select(s => "local-" + s).ToArray());
        foreach (var (participant, statement, vote) in Planted.Votes.Where(v => older.Contains(v.Statement)))
        {
            renamed.Set(participant, "local-" + statement, vote);
        }
        var fromRenamed = OpinionAggregate.From(renamed, Planted.Statements, id => older.Contains(id) ? "local-" + id : null);
        var direct = OpinionAggregate.From(Planted.Matrix(), Planted.Statements);
        Assert.Equal(0, fromRenamed.Seen[^1]);
        Assert.Equal(direct.Seen[..^1], fromRenamed.Seen[..^1]);
    }

    [Fact]
    public void The_next_national_run_keeps_group_ids_and_cafes_with_no_one_placed_have_no_clusters()
    {
        var cafes = Split(Planted);
        var aggregate = cafes.Select(m => OpinionAggregate.From(m, Planted.Statements)).Aggregate((a, b) => a.Merge(b));
        var components = NationalComponents.FromAggregate(aggregate, null);
        var first = NationalMapper.Compute(components, cafes.Select((m, c) => CafeClusters.Reduce($"cafe{c}", m, components, Onsite).Clusters).ToArray(), null);
        // One more vote in café 0, then the whole staged round again, warm.
        cafes[0].Set("newcomer", Planted.Statements[0], VoteMatrix.Agree);
        var aggregate2 = cafes.Select(m => OpinionAggregate.From(m, Planted.Statements)).Aggregate((a, b) => a.Merge(b));
        var components2 = NationalComponents.FromAggregate(aggregate2, components);
        Assert.Equal(2, components2.Version);
        var reductions = cafes.Select((m, c) => CafeClusters.Reduce($"cafe{c}", m, components2, Onsite)).ToArray();
        var second = NationalMapper.Compute(components2, reductions.Select(r => r.Clusters).ToArray(), first.Memory);
        Assert.Equal(first.Groups.Select(g => (g.Id, g.Size)), second.Groups.Select(g => (g.Id, g.Size)));

        var empty = CafeClusters.Reduce("empty", new VoteMatrix(Planted.Statements), components2, Onsite);
        Assert.Empty(empty.Clusters.Clusters);
        var withEmpty = NationalMapper.Compute(components2, [.. reductions.Select(r => r.Clusters), empty.Clusters], second.Memory);
        Assert.Empty(withEmpty.CafeGroups["empty"]);
        Assert.Equal(second.Groups.Count, withEmpty.Groups.Count);
    }
    [Fact]
    public void A_new_group_count_waits_its_stable_runs_on_the_same_input_and_says_so_meanwhile()
    {
        var cafes = Split(Planted);
        var aggregate = cafes.Select(m => OpinionAggregate.From(m, Planted.Statements)).Aggregate((a, b) => a.Merge(b));
        var components = NationalComponents.FromAggregate(aggregate, null);
        var clusters = cafes.Select((m, c) => CafeClusters.Reduce($"cafe{c}", m, components, Onsite).Clusters).ToArray();
        var settled = NationalMapper.Compute(components, clusters, null);
        Assert.Equal(3, settled.Groups.Count);
        Assert.False(settled.Memory.Settling);

        // The previous runs grouped in two (fewer people had voted): the same three-group input must
        // be grouped again StableRuns times before it shows three groups, and says it is settling until then.
        var memory = new NationalMapMemory { Runs = 1, GroupCount = new GroupCountHistory(2, 0, 0) };
        for (var run = 1; run < GroupCountHistory.StableRuns; run++)
        {
            var waiting = NationalMapper.Compute(components, clusters, memory);
            Assert.Equal(2, waiting.Groups.Count);
            Assert.True(waiting.Memory.Settling, $"run {run}");
            memory = waiting.Memory;
        }
        var last = NationalMapper.Compute(components, clusters, memory);
        Assert.Equal(3, last.Groups.Count);
        Assert.False(last.Memory.Settling);
    }
}
