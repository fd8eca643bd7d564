namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// Weighted k-means (Lloyd's iterations) on points of the plane, x and y interleaved. Arrays and
/// plain loops: the base clustering runs it on every clustered participant.
/// </summary>
internal static class KMeans
{
    /// <summary>A clustering: centres (interleaved), each point's cluster, the weighted sum of squared distances.</summary>
    public sealed record Result(double[] Centres, int[] Assignment, double Inertia)
    {
        public int K => Centres.Length / 2;

        /// <summary>Whether every cluster kept at least one point.</summary>
        public bool Full
        {
            get
            {
                var used = new bool[K];
                foreach (var c in Assignment)
                {
                    used[c] = true;
                }
                return Array.TrueForAll(used, u => u);
            }
        }
    }

    public static Result Run(double[] xy, double[] weight, double[] initial, int maxIterations)
    {
        var n = weight.Length;
        var k = initial.Length / 2;
        var centres = (double[])initial.Clone();
        var assignment = new int[n];
        Array.Fill(assignment, -1);
        var (sumX, sumY, sumW) = (new double[k], new double[k], new double[k]);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var changed = Assign(xy, centres, assignment);
            if (!changed && iteration > 0)
            {
                break;
            }
            Array.Clear(sumX);
            Array.Clear(sumY);
            Array.Clear(sumW);
            for (var i = 0; i < n; i++)
            {
                var c = assignment[i];
                sumX[c] += weight[i] * xy[2 * i];
                sumY[c] += weight[i] * xy[2 * i + 1];
                sumW[c] += weight[i];
            }
            for (var c = 0; c < k; c++)
            {
                // An emptied cluster keeps its centre (and stays empty: callers check Full).
                if (sumW[c] > 0)
                {
                    centres[2 * c] = sumX[c] / sumW[c];
                    centres[2 * c + 1] = sumY[c] / sumW[c];
                }
            }
        }
        Assign(xy, centres, assignment);
        var inertia = 0.0;
        for (var i = 0; i < n; i++)
        {
            inertia += weight[i] * Distance2(xy, i, centres, assignment[i]);
        }
        return new Result(centres, assignment, inertia);
    }

    /// <summary>Each point to its nearest centre (the lower index among equals); true when any changed.</summary>
    private static bool Assign(double[] xy, double[] centres, int[] assignment)
    {
        var k = centres.Length / 2;
        var changed = false;
        for (var i = 0; i < assignment.Length; i++)
        {
            var (x, y) = (xy[2 * i], xy[2 * i + 1]);
            var (best, bestD) = (0, double.MaxValue);
            for (var c = 0; c < k; c++)
            {
                var (dx, dy) = (x - centres[2 * c], y - centres[2 * c + 1]);
                var d = dx * dx + dy * dy;
                if (d < bestD)
                {
                    (best, bestD) = (c, d);
                }
            }
            if (assignment[i] != best)
            {
                assignment[i] = best;
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>
    /// Farthest-first starting centres: the point farthest from the weighted mean, then each time the
    /// point farthest from the centres chosen so far. Deterministic; starts from distinct points.
    /// </summary>
    public static double[] FarthestFirst(double[] xy, double[] weight, int k, double[]? keep = null)
    {
        var n = weight.Length;
        var centres = new double[2 * k];
        var chosen = 0;
        var nearest = new double[n];
        Array.Fill(nearest, double.MaxValue);
        if (keep is not null)
        {
            for (; chosen < k && 2 * chosen < keep.Length; chosen++)
            {
                centres[2 * chosen] = keep[2 * chosen];
                centres[2 * chosen + 1] = keep[2 * chosen + 1];
                Narrow(xy, nearest, centres, chosen);
            }
        }
        if (chosen == 0)
        {
            var (mx, my, w) = (0.0, 0.0, 0.0);
            for (var i = 0; i < n; i++)
            {
                mx += weight[i] * xy[2 * i];
                my += weight[i] * xy[2 * i + 1];
                w += weight[i];
            }
            (mx, my) = w > 0 ? (mx / w, my / w) : (0, 0);
            Array.Fill(nearest, 0);
            for (var i = 0; i < n; i++)
            {
                var (dx, dy) = (xy[2 * i] - mx, xy[2 * i + 1] - my);
                nearest[i] = dx * dx + dy * dy;
            }
        }
        for (; chosen < k; chosen++)
        {
            var (far, farD) = (0, -1.0);
            for (var i = 0; i < n; i++)
            {
                if (nearest[i] > farD)
                {
                    (far, farD) = (i, nearest[i]);
                }
            }
            centres[2 * chosen] = xy[2 * far];
            centres[2 * chosen + 1] = xy[2 * far + 1];
            if (chosen == 0)
            {
                Array.Fill(nearest, double.MaxValue);
            }
            Narrow(xy, nearest, centres, chosen);
        }
        return centres;
    }

    /// <summary>k-means++ starting centres (weighted D² sampling) from a seeded generator: deterministic.</summary>
    public static double[] PlusPlus(double[] xy, double[] weight, int k, ulong seed)
    {
        var n = weight.Length;
        var random = new SplitMix(seed);
        var centres = new double[2 * k];
        var nearest = new double[n];
        var first = Pick(weight, null, random.NextDouble());
        centres[0] = xy[2 * first];
        centres[1] = xy[2 * first + 1];
        Array.Fill(nearest, double.MaxValue);
        Narrow(xy, nearest, centres, 0);
        for (var c = 1; c < k; c++)
        {
            var next = Pick(weight, nearest, random.NextDouble());
            centres[2 * c] = xy[2 * next];
            centres[2 * c + 1] = xy[2 * next + 1];
            Narrow(xy, nearest, centres, c);
        }
        return centres;
    }

    private static int Pick(double[] weight, double[]? d2, double u)
    {
        var total = 0.0;
        for (var i = 0; i < weight.Length; i++)
        {
            total += weight[i] * (d2?[i] ?? 1);
        }
        if (total <= 0)
        {
            return 0;
        }
        var target = u * total;
        for (var i = 0; i < weight.Length; i++)
        {
            target -= weight[i] * (d2?[i] ?? 1);
            if (target <= 0)
            {
                return i;
            }
        }
        return weight.Length - 1;
    }

    private static void Narrow(double[] xy, double[] nearest, double[] centres, int c)
    {
        for (var i = 0; i < nearest.Length; i++)
        {
            var d = Distance2(xy, i, centres, c);
            if (d < nearest[i])
            {
                nearest[i] = d;
            }
        }
    }

    internal static double Distance2(double[] xy, int i, double[] centres, int c)
    {
        var (dx, dy) = (xy[2 * i] - centres[2 * c], xy[2 * i + 1] - centres[2 * c + 1]);
        return dx * dx + dy * dy;
    }

    /// <summary>SplitMix64: a tiny seeded generator, the same numbers on every machine and runtime.</summary>
    internal struct SplitMix(ulong state)
    {
        public ulong Next()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
    }
}
