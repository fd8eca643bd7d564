using CafeIA.Domain.Opinions.Map;

namespace CafeIA.Domain.Tests.Opinions;

public sealed class EdgeCaseTests
{
    [Fact]
    public void No_votes_make_an_empty_map()
    {
        foreach (var matrix in new[] { new VoteMatrix([]), new VoteMatrix(["a", "b"]) })
        {
            var map = OpinionMapper.Compute(matrix, null);
            Assert.Empty(map.Points);
            Assert.Empty(map.Groups);
            Assert.Empty(map.Consensus);
            Assert.Equal("a", NextStatement.Choose(new VoteMatrix(["a"]), "p", map, ["a"], 0));
        }
    }

    [Fact]
    public void One_participant_is_one_dot_at_the_centre_with_no_group()
    {
        var matrix = new VoteMatrix(["a", "b", "c"]);
        matrix.Set("p", "a", VoteMatrix.Agree);
        matrix.Set("p", "b", VoteMatrix.Disagree);
        var map = OpinionMapper.Compute(matrix, null);
        Assert.Equal(new MapPoint(0, 0, MapPoint.NoGroup), Assert.Single(map.Points).Value);
        Assert.Empty(map.Groups);
        Assert.Equal([new ConsensusStatement("a", 2.0 / 3), new ConsensusStatement("b", 1.0 / 3)], map.Consensus);
    }

    [Fact]
    public void All_identical_votes_put_everyone_at_the_centre_in_no_group()
    {
        var matrix = new VoteMatrix(["a", "b", "c", "d", "e", "f", "g", "h"]);
        for (var p = 0; p < 20; p++)
        {
            for (var s = 0; s < 8; s++)
            {
                matrix.Set($"p{p}", matrix.StatementId(s), s % 2 == 0 ? VoteMatrix.Agree : VoteMatrix.Disagree);
            }
        }
        var map = OpinionMapper.Compute(matrix, null);
        Assert.Equal(20, map.Points.Count);
        Assert.All(map.Points.Values, p => Assert.Equal(new MapPoint(0, 0, MapPoint.NoGroup), p));
        Assert.Empty(map.Groups);
        Assert.Equal(21.0 / 22, map.Consensus[0].Score, 12);
        Assert.Equal(["a", "c", "e", "g"], map.Consensus.Take(4).Select(c => c.StatementId));
        var again = OpinionMapper.Compute(matrix, map.Memory);
        Assert.All(again.Points.Values, p => Assert.Equal(new MapPoint(0, 0, MapPoint.NoGroup), p));
    }

    [Fact]
    public void A_statement_nobody_voted_on_changes_no_dot_and_is_neither_consensus_nor_representative()
    {
        var planted = PlantedOpinions.Make();
        var matrix = planted.Matrix();
        var before = OpinionMapper.Compute(matrix, null);
        matrix.AddStatement("unvoted");
        var after = OpinionMapper.Compute(matrix, null);
        Assert.All(before.Points, p => Assert.True(Math.Abs(p.Value.X - after.Points[p.Key].X) + Math.Abs(p.Value.Y - after.Points[p.Key].Y) < 1e-9));
        Assert.Equal(3, after.Groups.Count);
        Assert.DoesNotContain(after.Consensus, c => c.StatementId == "unvoted");
        Assert.DoesNotContain(after.Groups.SelectMany(g => g.Representative), r => r.StatementId == "unvoted");
        var warm = OpinionMapper.Compute(matrix, before.Memory);
        Assert.Equal(3, warm.Groups.Count);
    }

    [Fact]
    public void Votes_replace_earlier_ones_and_statements_added_later_take_votes()
    {
        var matrix = new VoteMatrix(["a"]);
        matrix.Set("p", "a", VoteMatrix.Agree);
        matrix.Set("p", "a", VoteMatrix.Disagree);
        Assert.Equal(new StatementVotes(0, 1, 0), matrix.VotesOn(0));
        Assert.Equal(1, matrix.VotesCast(0));
        for (var i = 0; i < 40; i++)
        {
            matrix.AddStatement($"later{i}");
        }
        matrix.Set("p", "later39", VoteMatrix.Pass);
        Assert.Equal((sbyte)0, matrix.Vote("p", "later39"));
        Assert.Null(matrix.Vote("p", "later38"));
        Assert.Equal(2, matrix.VotesCast(0));
        Assert.Equal(41, matrix.Statements);
    }

    [Fact]
    public void A_vote_other_than_minus_one_zero_or_one_or_on_an_unknown_statement_is_refused_and_changes_nothing()
    {
        var matrix = new VoteMatrix(["a"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.Set("p", "a", 2));
        Assert.Throws<ArgumentException>(() => matrix.Set("p", "zzz", 1));
        Assert.Equal(0, matrix.Participants);
        Assert.Equal(0, matrix.Version - 1);
    }
}
