using CafeIA.Domain.Opinions.Map;

namespace CafeIA.Domain.Tests.Opinions;

/// <summary>
/// A planted population: groups of participants, each agreeing with its own block of statements,
/// disagreeing with the next group's block and split at random on the rest, plus one statement
/// everyone agrees on; with noise (a vote replaced by a random one) and missing votes.
/// </summary>
public sealed class PlantedOpinions
{
    public const string ConsensusStatement = "s-all";

    public required string[] Statements { get; init; }

    /// <summary>Participant ids in order, and each one's planted group.</summary>
    public required string[] Participants { get; init; }
    public required int[] Group { get; init; }

    /// <summary>The statements of a group's own block (it agrees with them).</summary>
    public required string[][] Blocks { get; init; }

    /// <summary>Every vote, participant by participant, in the order they were drawn.</summary>
    public required List<(string Participant, string Statement, sbyte Vote)> Votes { get; init; }

    /// <summary>The block a group rejects: the next group's.</summary>
    public string[] Rejected(int group) => Blocks[(group + 1) % Blocks.Length];

    public static PlantedOpinions Make(int groups = 3, int perGroup = 30, int perBlock = 4, double noise = 0.1, double missing = 0.15, int seed = 17)
    {
        var random = new Random(seed);
        var blocks = Enumerable.Range(0, groups)
            .Select(g => Enumerable.Range(0, perBlock).Select(i => $"s{g}-{i}").ToArray()).ToArray();
        var statements = blocks.SelectMany(b => b).Append(ConsensusStatement).ToArray();
        var participants = new List<string>();
        var group = new List<int>();
        var votes = new List<(string, string, sbyte)>();
        for (var g = 0; g < groups; g++)
        {
            for (var i = 0; i < perGroup; i++)
            {
                var id = $"p{g}-{i}";
                participants.Add(id);
                group.Add(g);
                foreach (var statement in statements)
                {
                    if (random.NextDouble() < missing)
                    {
                        continue;
                    }
                    var block = statement == ConsensusStatement ? -1 : Array.FindIndex(blocks, b => b.Contains(statement));
                    sbyte vote = block == -1 || block == g ? VoteMatrix.Agree
                        : block == (g + 1) % groups ? VoteMatrix.Disagree
                        : (sbyte)random.Next(-1, 2);
                    if (random.NextDouble() < noise)
                    {
                        vote = (sbyte)random.Next(-1, 2);
                    }
                    votes.Add((id, statement, vote));
                }
            }
        }
        return new PlantedOpinions
        {
            Statements = statements, Participants = [.. participants], Group = [.. group], Blocks = blocks, Votes = votes,
        };
    }

    public VoteMatrix Matrix()
    {
        var matrix = new VoteMatrix(Statements);
        foreach (var (participant, statement, vote) in Votes)
        {
            matrix.Set(participant, statement, vote);
        }
        return matrix;
    }

    public int PlantedGroupOf(string participant) => Group[Array.IndexOf(Participants, participant)];
}

/// <summary>The adjusted Rand index of two labellings of the same items (1: identical up to renaming; ~0: chance).</summary>
public static class AdjustedRand
{
    public static double Index(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        if (a.Count != b.Count)
        {
            throw new ArgumentException("Both labellings must cover the same items.");
        }
        var table = new Dictionary<(int, int), long>();
        var rows = new Dictionary<int, long>();
        var columns = new Dictionary<int, long>();
        for (var i = 0; i < a.Count; i++)
        {
            table[(a[i], b[i])] = table.GetValueOrDefault((a[i], b[i])) + 1;
            rows[a[i]] = rows.GetValueOrDefault(a[i]) + 1;
            columns[b[i]] = columns.GetValueOrDefault(b[i]) + 1;
        }
        static double Pairs(long n) => n * (n - 1) / 2.0;
        var index = table.Values.Sum(Pairs);
        var (sumRows, sumColumns) = (rows.Values.Sum(Pairs), columns.Values.Sum(Pairs));
        var expected = sumRows * sumColumns / Pairs(a.Count);
        var max = (sumRows + sumColumns) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }
}
