namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// Gives this run's groups the ids of the previous run's: the one-to-one matching of new centres to
/// previous centres with the least total distance (every matching tried: at most 5 × 5). Groups
/// left unmatched (k grew) take the smallest ids not in use; a first grouping numbers its groups
/// from 0, largest first.
/// </summary>
internal static class GroupIds
{
    public static int[] Assign(double[] centres, double[] sizes, GroupCentre[] previous)
    {
        var k = sizes.Length;
        var ids = new int[k];
        if (previous.Length == 0)
        {
            var order = Enumerable.Range(0, k).OrderByDescending(g => sizes[g]).ThenBy(g => g).ToArray();
            for (var rank = 0; rank < k; rank++)
            {
                ids[order[rank]] = rank;
            }
            return ids;
        }
        var n = Math.Max(k, previous.Length);
        var permutation = Enumerable.Range(0, n).ToArray();
        var best = (int[])permutation.Clone();
        var bestCost = double.MaxValue;
        Permute(permutation, 0, perm =>
        {
            var cost = 0.0;
            for (var g = 0; g < k; g++)
            {
                if (perm[g] < previous.Length)
                {
                    var (dx, dy) = (centres[2 * g] - previous[perm[g]].X, centres[2 * g + 1] - previous[perm[g]].Y);
                    cost += Math.Sqrt(dx * dx + dy * dy);
                }
            }
            if (cost < bestCost - 1e-12)
            {
                bestCost = cost;
                perm.CopyTo(best, 0);
            }
        });
        var used = new HashSet<int>();
        for (var g = 0; g < k; g++)
        {
            ids[g] = -1;
            if (best[g] < previous.Length)
            {
                ids[g] = previous[best[g]].Id;
                used.Add(ids[g]);
            }
        }
        var fresh = 0;
        for (var g = 0; g < k; g++)
        {
            if (ids[g] < 0)
            {
                while (used.Contains(fresh))
                {
                    fresh++;
                }
                ids[g] = fresh;
                used.Add(fresh);
            }
        }
        return ids;
    }

    private static void Permute(int[] items, int from, Action<int[]> visit)
    {
        if (from == items.Length)
        {
            visit(items);
            return;
        }
        for (var i = from; i < items.Length; i++)
        {
            (items[from], items[i]) = (items[i], items[from]);
            Permute(items, from + 1, visit);
            (items[from], items[i]) = (items[i], items[from]);
        }
    }
}
