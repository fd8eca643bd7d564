using CafeIA.Domain.Opinions.Map;

namespace CafeIA.Domain.Tests.Opinions;

/// <summary>The map stays put from one update to the next: dots, group ids, the number of groups.</summary>
public sealed class StabilityTests
{
    private static double Distance(MapPoint a, MapPoint b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    /// <summary>
    /// The bound for everyone but the voter: one vote changes one statement's mean by at most 2 / n
    /// (n ≈ 77 voters here) and the covariance by one row and column of that size, so every other
    /// dot moves by a few hundredths of its coordinates at most (measured: about 0.012 over these 40
    /// votes, on a map of width 2); 0.05 leaves room yet fails at once if the axes turn or flip or
    /// the scale jumps. The voter's own dot moves because of their vote: one vote of the 7 to 13
    /// they cast, about a seventh of the map's half-width at most (0.35).
    /// </summary>
    [Fact]
    public void One_more_vote_moves_no_other_dot_more_than_005_nor_the_voter_more_than_a_vote_and_keeps_group_ids()
    {
        var planted = PlantedOpinions.Make();
        var random = new Random(5);
        for (var trial = 0; trial < 40; trial++)
        {
            var matrix = planted.Matrix();
            var before = OpinionMapper.Compute(matrix, null);
            var voter = planted.Participants[random.Next(planted.Participants.Length)];
            var statement = planted.Statements[random.Next(planted.Statements.Length)];
            matrix.Set(voter, statement, (sbyte)random.Next(-1, 2));
            var after = OpinionMapper.Compute(matrix, before.Memory);

            Assert.Equal(before.Groups.Select(g => g.Id), after.Groups.Select(g => g.Id));
            foreach (var (id, dot) in before.Points)
            {
                var moved = Distance(dot, after.Points[id]);
                Assert.True(moved <= (id == voter ? 0.35 : 0.05), $"trial {trial}: {id} moved {moved:F3} after {voter} voted on {statement}");
                if (id != voter)
                {
                    Assert.Equal(dot.Group, after.Points[id].Group);
                }
            }
        }
    }

    [Fact]
    public void Recomputing_the_same_votes_with_the_memory_changes_nothing()
    {
        var matrix = PlantedOpinions.Make().Matrix();
        var first = OpinionMapper.Compute(matrix, null);
        var second = OpinionMapper.Compute(matrix, first.Memory);
        Assert.Equal(first.Groups.Select(g => (g.Id, g.Members.Count)), second.Groups.Select(g => (g.Id, g.Members.Count)));
        Assert.All(first.Points, p => Assert.True(Distance(p.Value, second.Points[p.Key]) < 1e-6));
        Assert.Equal(2, second.Memory.Runs);
    }

    [Fact]
    public void Group_ids_follow_the_same_people_as_votes_arrive()
    {
        var planted = PlantedOpinions.Make(seed: 3);
        var random = new Random(8);
        var arrival = planted.Votes.OrderBy(_ => random.Next()).ToArray();
        var matrix = new VoteMatrix(planted.Statements);
        OpinionMapMemory? memory = null;
        Dictionary<int, int>? idOfPlanted = null;
        var checkedRuns = 0;
        for (var batch = 0; batch < 20; batch++)
        {
            foreach (var (participant, statement, vote) in arrival[(batch * arrival.Length / 20)..((batch + 1) * arrival.Length / 20)])
            {
                matrix.Set(participant, statement, vote);
            }
            var map = OpinionMapper.Compute(matrix, memory);
            memory = map.Memory;
            if (batch < 12 || map.Groups.Count != 3)
            {
                continue;
            }
            // Each planted group's people sit mostly in one group; that group's id must not change.
            var now = map.Groups.ToDictionary(g => g.Members.GroupBy(planted.PlantedGroupOf).MaxBy(x => x.Count())!.Key, g => g.Id);
            idOfPlanted ??= now;
            Assert.Equal(idOfPlanted.OrderBy(x => x.Key), now.OrderBy(x => x.Key));
            checkedRuns++;
        }
        Assert.True(checkedRuns >= 6, $"only {checkedRuns} runs had 3 groups");
    }

    [Fact]
    public void The_number_of_groups_changes_only_after_it_has_been_the_best_for_three_updates()
    {
        var planted = PlantedOpinions.Make();
        var matrix = new VoteMatrix(planted.Statements);
        foreach (var (participant, statement, vote) in planted.Votes.Where(v => planted.PlantedGroupOf(v.Participant) < 2))
        {
            matrix.Set(participant, statement, vote);
        }
        var map = OpinionMapper.Compute(matrix, null);
        Assert.Equal(2, map.Groups.Count);
        foreach (var (participant, statement, vote) in planted.Votes.Where(v => planted.PlantedGroupOf(v.Participant) == 2))
        {
            matrix.Set(participant, statement, vote);
        }
        Assert.Equal(3, OpinionMapper.Compute(matrix, null).Groups.Count);
        var counts = new List<int>();
        for (var update = 0; update < 4; update++)
        {
            map = OpinionMapper.Compute(matrix, map.Memory);
            counts.Add(map.Groups.Count);
        }
        Assert.Equal([2, 2, 3, 3], counts);
    }

    [Fact]
    public void Group_count_history_switches_on_the_third_update_in_a_row_and_restarts_when_interrupted()
    {
        var history = GroupCountHistory.Start.Next(2, 5);
        Assert.Equal(2, history.Current);
        history = history.Next(3, 5).Next(3, 5);
        Assert.Equal(2, history.Current);
        Assert.Equal(3, history.Next(3, 5).Current);
        Assert.Equal(2, history.Next(4, 5).Next(3, 5).Next(3, 5).Current);
        // A count the data can no longer support goes at once.
        Assert.Equal(2, new GroupCountHistory(4, 0, 0).Next(2, 3).Current);
    }
}
