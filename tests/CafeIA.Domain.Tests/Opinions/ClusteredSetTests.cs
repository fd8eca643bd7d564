using CafeIA.Domain.Opinions.Map;

namespace CafeIA.Domain.Tests.Opinions;

/// <summary>Who is on the map: at least min(7, statements) votes, topped up to 15, once in stays in.</summary>
public sealed class ClusteredSetTests
{
    private static readonly string[] Twenty = Enumerable.Range(0, 20).Select(i => $"s{i}").ToArray();

    /// <summary>Participant "name" votes on the first `count` statements, alternating to spread the dots.</summary>
    private static void Votes(VoteMatrix matrix, string name, int count, int offset = 0)
    {
        for (var j = 0; j < count; j++)
        {
            matrix.Set(name, matrix.StatementId((j + offset) % matrix.Statements), (sbyte)(((j + name.Length + offset) % 3) - 1));
        }
    }

    [Fact]
    public void Only_participants_with_at_least_seven_votes_are_placed_when_fifteen_qualify()
    {
        var matrix = new VoteMatrix(Twenty);
        for (var i = 0; i < 16; i++)
        {
            Votes(matrix, $"full{i}", 7, i);
        }
        for (var i = 0; i < 4; i++)
        {
            Votes(matrix, $"few{i}", 6, i);
        }
        var map = OpinionMapper.Compute(matrix, null);
        Assert.Equal(Enumerable.Range(0, 16).Select(i => $"full{i}").Order(), map.Points.Keys.Order());
    }

    [Fact]
    public void With_fewer_statements_than_seven_all_of_them_are_needed()
    {
        var matrix = new VoteMatrix(["a", "b", "c"]);
        for (var i = 0; i < 15; i++)
        {
            Votes(matrix, $"all{i}", 3, i);
        }
        Votes(matrix, "two", 2);
        Assert.Equal(3, ClusteredSet.Threshold(3));
        Assert.DoesNotContain("two", OpinionMapper.Compute(matrix, null).Points.Keys);
    }

    [Fact]
    public void Fewer_than_fifteen_qualifying_are_topped_up_with_those_who_voted_most()
    {
        var matrix = new VoteMatrix(Twenty);
        for (var i = 0; i < 10; i++)
        {
            Votes(matrix, $"full{i}", 8, i);
        }
        // Votes 6, 5, 4, 3, 2, 1: the first five of them fill the set to 15.
        for (var i = 0; i < 6; i++)
        {
            Votes(matrix, $"part{i}", 6 - i, i);
        }
        var placed = OpinionMapper.Compute(matrix, null).Points.Keys.ToHashSet();
        Assert.Equal(15, placed.Count);
        Assert.Contains("part4", placed);
        Assert.DoesNotContain("part5", placed);
    }

    [Fact]
    public void Once_in_a_participant_stays_in_while_an_equal_newcomer_is_not_added()
    {
        var matrix = new VoteMatrix(Twenty);
        for (var i = 0; i < 14; i++)
        {
            Votes(matrix, $"full{i}", 7, i);
        }
        Votes(matrix, "early", 2);
        var first = OpinionMapper.Compute(matrix, null);
        Assert.Contains("early", first.Points.Keys);
        for (var i = 14; i < 30; i++)
        {
            Votes(matrix, $"full{i}", 7, i);
        }
        Votes(matrix, "late", 2);
        var later = OpinionMapper.Compute(matrix, first.Memory);
        Assert.Contains("early", later.Points.Keys);
        Assert.DoesNotContain("late", later.Points.Keys);
        Assert.DoesNotContain("early", OpinionMapper.Compute(matrix, null).Points.Keys);
    }
}
