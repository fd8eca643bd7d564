using CafeIA.Domain.Opinions.Map;

namespace CafeIA.Domain.Tests.Opinions;

/// <summary>Three planted groups of 30 over 3 blocks of 4 statements and one statement everyone agrees on.</summary>
public sealed class PlantedGroupsTests
{
    private static readonly PlantedOpinions Planted = PlantedOpinions.Make();
    private static readonly OpinionMap Map = OpinionMapper.Compute(Planted.Matrix(), null);

    [Fact]
    public void The_groups_found_match_the_planted_ones()
    {
        Assert.Equal(3, Map.Groups.Count);
        // Everyone with at least 7 votes is on the map (a few voted less, missing votes are planted).
        var placed = Planted.Participants.Where(p => Planted.Votes.Count(v => v.Participant == p) >= 7).ToArray();
        Assert.InRange(placed.Length, 80, 90);
        Assert.Equal(placed.Order(StringComparer.Ordinal), Map.Points.Keys.Order(StringComparer.Ordinal));
        var found = placed.Select(p => Map.Points[p].Group).ToArray();
        var ari = AdjustedRand.Index(placed.Select(Planted.PlantedGroupOf).ToArray(), found);
        Assert.True(ari >= 0.9, $"ARI {ari:F3}");
        Assert.Equal(Map.Groups.Select(g => g.Id).Order(), Map.Groups.Select(g => g.Id));
        foreach (var group in Map.Groups)
        {
            Assert.All(group.Members, m => Assert.Equal(group.Id, Map.Points[m].Group));
        }
    }

    [Fact]
    public void Dots_fit_in_the_unit_square_and_groups_sit_apart()
    {
        Assert.All(Map.Points.Values, p => Assert.True(Math.Abs(p.X) <= 1 && Math.Abs(p.Y) <= 1, $"{p}"));
        var centres = Map.Groups.Select(g => (X: g.Members.Average(m => Map.Points[m].X), Y: g.Members.Average(m => Map.Points[m].Y))).ToArray();
        for (var a = 0; a < centres.Length; a++)
        {
            for (var b = a + 1; b < centres.Length; b++)
            {
                Assert.True(Math.Sqrt(Math.Pow(centres[a].X - centres[b].X, 2) + Math.Pow(centres[a].Y - centres[b].Y, 2)) > 0.5);
            }
        }
    }

    [Fact]
    public void The_all_agree_statement_ranks_first_in_consensus()
    {
        Assert.Equal(PlantedOpinions.ConsensusStatement, Map.Consensus[0].StatementId);
        Assert.Equal(Planted.Statements.Length, Map.Consensus.Count);
        Assert.True(Map.Consensus[0].Score > 2 * Map.Consensus[1].Score, $"{Map.Consensus[0]} vs {Map.Consensus[1]}");
        Assert.True(Map.Consensus.Zip(Map.Consensus.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
    }

    [Fact]
    public void Each_groups_representative_statements_come_from_its_own_block_agreeing_or_the_block_it_rejects_disagreeing()
    {
        foreach (var group in Map.Groups)
        {
            var planted = group.Members.GroupBy(Planted.PlantedGroupOf).MaxBy(g => g.Count())!.Key;
            Assert.NotEmpty(group.Representative);
            Assert.True(group.Representative.Count <= 5);
            foreach (var statement in group.Representative)
            {
                if (statement.Agrees)
                {
                    Assert.Contains(statement.StatementId, Planted.Blocks[planted]);
                }
                else
                {
                    Assert.Contains(statement.StatementId, Planted.Rejected(planted));
                }
                Assert.True(statement.AgreeRate > 0.5, $"{statement}");
            }
            Assert.Contains(group.Representative, r => r.Agrees);
            Assert.DoesNotContain(group.Representative, r => r.StatementId == PlantedOpinions.ConsensusStatement);
        }
    }

    [Fact]
    public void The_same_votes_give_the_same_map()
    {
        var again = OpinionMapper.Compute(Planted.Matrix(), null);
        Assert.Equal(Map.Points.OrderBy(p => p.Key, StringComparer.Ordinal), again.Points.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(Map.Consensus, again.Consensus);
    }

    [Fact]
    public void A_hidden_statement_leaves_the_map_but_its_votes_are_kept()
    {
        var matrix = Planted.Matrix();
        matrix.Exclude(PlantedOpinions.ConsensusStatement);
        var map = OpinionMapper.Compute(matrix, null);
        Assert.DoesNotContain(map.Consensus, c => c.StatementId == PlantedOpinions.ConsensusStatement);
        Assert.Equal(3, map.Groups.Count);
        matrix.Exclude(PlantedOpinions.ConsensusStatement, false);
        Assert.Equal(PlantedOpinions.ConsensusStatement, OpinionMapper.Compute(matrix, map.Memory).Consensus[0].StatementId);
    }
}
