using CafeIA.Domain.Opinions.Map;

namespace CafeIA.Domain.Tests.Opinions;

public sealed class NextStatementTests
{
    private static readonly PlantedOpinions Planted = PlantedOpinions.Make();

    [Fact]
    public void Never_a_statement_already_voted_nor_one_outside_the_eligible_list_nor_a_hidden_one()
    {
        var matrix = Planted.Matrix();
        matrix.AddStatement("hidden");
        matrix.Exclude("hidden");
        var map = OpinionMapper.Compute(matrix, null);
        var voter = Planted.Participants[0];
        var voted = Planted.Statements.Where(s => matrix.Vote(voter, s) is not null).ToHashSet();
        Assert.NotEmpty(voted);
        var eligible = Planted.Statements.Take(8).Append("hidden").ToArray();
        for (var seed = 0; seed < 200; seed++)
        {
            var next = NextStatement.Choose(matrix, voter, map, eligible, seed);
            var left = eligible.Where(s => !voted.Contains(s) && s != "hidden").ToArray();
            if (left.Length == 0)
            {
                Assert.Null(next);
            }
            else
            {
                Assert.Contains(next, left);
            }
        }
        Assert.Null(NextStatement.Choose(matrix, voter, map, [.. voted, "hidden"], 1));
        Assert.Null(NextStatement.Choose(matrix, voter, map, [], 1));
    }

    [Fact]
    public void A_statement_nobody_voted_on_comes_before_well_voted_ones()
    {
        var matrix = Planted.Matrix();
        matrix.AddStatement("fresh");
        var map = OpinionMapper.Compute(matrix, null);
        for (var seed = 0; seed < 100; seed++)
        {
            Assert.Equal("fresh", NextStatement.Choose(matrix, "newcomer", map, [.. Planted.Statements, "fresh"], seed));
        }
    }

    [Fact]
    public void Among_statements_with_as_many_votes_one_that_divides_the_groups_comes_before_one_they_all_agree_on()
    {
        var matrix = Planted.Matrix();
        var map = OpinionMapper.Compute(matrix, null);
        var divisive = Planted.Blocks[0][0];
        for (var seed = 0; seed < 100; seed++)
        {
            Assert.Equal(divisive, NextStatement.Choose(matrix, "newcomer", map, [PlantedOpinions.ConsensusStatement, divisive], seed));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_statement_and_seeds_spread_people_over_equal_statements()
    {
        var matrix = new VoteMatrix(["a", "b", "c", "d"]);
        var chosen = new HashSet<string?>();
        for (var seed = 0; seed < 50; seed++)
        {
            var next = NextStatement.Choose(matrix, "p", null, ["a", "b", "c", "d"], seed);
            Assert.Equal(next, NextStatement.Choose(matrix, "p", null, ["a", "b", "c", "d"], seed));
            chosen.Add(next);
        }
        Assert.True(chosen.Count >= 3, string.Join(",", chosen));
    }
}
