namespace CafeIA.Domain.Opinions.Map;

/// <summary>
/// The plane of the two principal components, by power iteration on two vectors at once
/// (orthonormalised at each step: subspace iteration), warm-started from the previous run's
/// components. The plane converges at the rate of the third eigenvalue to the second, even when the
/// first two are close (three balanced groups make them nearly equal, and then the top component
/// alone is ill-defined and would swing with every vote). Within the plane, a cold start orders the
/// axes by variance (Rayleigh–Ritz); a warm start turns them to match the previous axes as closely
/// as possible (orthogonal Procrustes), so the map does not spin or flip between updates.
/// Up to <see cref="SquareUpTo"/> statements the iteration runs on C² (same eigenvectors, ratios
/// squared: one step is worth two, for one statements³ product up front).
/// </summary>
internal static class PrincipalPlane
{
    public const int ColdIterations = 500, WarmIterations = 100, SquareUpTo = 256;
    private const double Tolerance = 1e-10;

    public static (double[] First, double[] Second) Find(double[] cov, int s, (double[] First, double[] Second)? warm)
    {
        if (s == 0)
        {
            return ([], []);
        }
        var useWarm = warm is { } w && Norm(w.First) > 0;
        var v1 = useWarm ? (double[])warm!.Value.First.Clone() : Seeded(s, 1);
        var v2 = useWarm ? (double[])warm!.Value.Second.Clone() : Seeded(s, 2);
        if (!Orthonormalise(v1, v2, s))
        {
            return (new double[s], new double[s]);
        }
        var (w1, w2) = (new double[s], new double[s]);
        var iterations = useWarm ? WarmIterations : ColdIterations;
        var power = cov;
        if (s <= SquareUpTo)
        {
            power = Square(cov, s);
            iterations /= 2;
        }
        for (var i = 0; i < iterations; i++)
        {
            Multiply(power, v1, w1, s);
            Multiply(power, v2, w2, s);
            if (!Orthonormalise(w1, w2, s))
            {
                // All votes alike (or one voter): no direction carries any variance.
                return (new double[s], new double[s]);
            }
            // Converged when the new vectors lie in the old plane.
            var inPlane = Math.Min(Dot(w1, v1) * Dot(w1, v1) + Dot(w1, v2) * Dot(w1, v2),
                Dot(w2, v1) * Dot(w2, v1) + Dot(w2, v2) * Dot(w2, v2));
            (v1, w1) = (w1, v1);
            (v2, w2) = (w2, v2);
            if (1 - inPlane < Tolerance)
            {
                break;
            }
        }
        var (a, b) = Ritz(cov, v1, v2, s);
        if (useWarm)
        {
            (a, b) = Align(a, b, warm!.Value.First, warm.Value.Second);
        }
        else
        {
            Orient(a);
            Orient(b);
        }
        // A direction with no variance (one real dimension only) projects everyone to 0: say so exactly.
        var (l1, l2) = (Quadratic(cov, a, s), Quadratic(cov, b, s));
        if (l2 <= 1e-9 * Math.Max(l1, 1e-300))
        {
            Array.Clear(b);
        }
        if (l1 <= 1e-12)
        {
            Array.Clear(a);
        }
        return (a, b);
    }

    /// <summary>The axes of the plane ordered by variance: the eigenvectors of the 2 × 2 projected matrix.</summary>
    private static (double[], double[]) Ritz(double[] cov, double[] v1, double[] v2, int s)
    {
        var (c1, c2) = (new double[s], new double[s]);
        Multiply(cov, v1, c1, s);
        Multiply(cov, v2, c2, s);
        var (h11, h12, h22) = (Dot(v1, c1), Dot(v1, c2), Dot(v2, c2));
        // Rotation by θ diagonalising [[h11, h12], [h12, h22]], the larger eigenvalue first.
        var theta = 0.5 * Math.Atan2(2 * h12, h11 - h22);
        var (cos, sin) = (Math.Cos(theta), Math.Sin(theta));
        return (Combine(v1, v2, cos, sin), Combine(v1, v2, -sin, cos));
    }

    /// <summary>
    /// Turns (or mirrors) the plane's axes u1, u2 to be as close as possible to the previous p1, p2:
    /// the orthogonal Q maximising trace(Qᵀ Uᵀ P), found in closed form for 2 × 2.
    /// </summary>
    private static (double[], double[]) Align(double[] u1, double[] u2, double[] p1, double[] p2)
    {
        var (m11, m12, m21, m22) = (Dot(u1, p1), Dot(u1, p2), Dot(u2, p1), Dot(u2, p2));
        var rotation = Math.Atan2(m21 - m12, m11 + m22);
        var rotationFit = Math.Sqrt((m11 + m22) * (m11 + m22) + (m21 - m12) * (m21 - m12));
        var reflection = Math.Atan2(m21 + m12, m11 - m22);
        var reflectionFit = Math.Sqrt((m11 - m22) * (m11 - m22) + (m21 + m12) * (m21 + m12));
        if (rotationFit >= reflectionFit)
        {
            var (c, s) = (Math.Cos(rotation), Math.Sin(rotation));
            // U·Q with Q = [[c, −s], [s, c]].
            return (Combine(u1, u2, c, s), Combine(u1, u2, -s, c));
        }
        else
        {
            var (c, s) = (Math.Cos(reflection), Math.Sin(reflection));
            // U·Q with Q = [[c, s], [s, −c]].
            return (Combine(u1, u2, c, s), Combine(u1, u2, s, -c));
        }
    }

    /// <summary>A cold start's sign: the largest weight positive, so the same votes give the same map.</summary>
    private static void Orient(double[] v)
    {
        var largest = 0.0;
        foreach (var x in v)
        {
            if (Math.Abs(x) > Math.Abs(largest) + 1e-12)
            {
                largest = x;
            }
        }
        if (largest < 0)
        {
            for (var i = 0; i < v.Length; i++)
            {
                v[i] = -v[i];
            }
        }
    }

    /// <summary>Gram–Schmidt; false when the first vector vanishes. A vanishing second is replaced by a seeded one.</summary>
    private static bool Orthonormalise(double[] v1, double[] v2, int s)
    {
        var n1 = Norm(v1);
        if (n1 < 1e-300 || double.IsNaN(n1))
        {
            return false;
        }
        Scale(v1, 1 / n1);
        for (var attempt = 0; ; attempt++)
        {
            var d = Dot(v1, v2);
            for (var i = 0; i < s; i++)
            {
                v2[i] -= d * v1[i];
            }
            var n2 = Norm(v2);
            if (n2 > 1e-9 * Math.Max(1, n1) || attempt == 3 || s == 1)
            {
                if (n2 < 1e-300)
                {
                    Array.Clear(v2);
                }
                else
                {
                    Scale(v2, 1 / n2);
                }
                return true;
            }
            Seeded(s, 3 + attempt).CopyTo(v2, 0);
        }
    }

    /// <summary>Deterministic pseudo-random start vector (xorshift): never orthogonal to a component but by accident.</summary>
    private static double[] Seeded(int s, int seed)
    {
        var v = new double[s];
        var x = 0x9E3779B97F4A7C15UL * (ulong)seed;
        for (var i = 0; i < s; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            v[i] = (x >> 11) * (1.0 / (1UL << 53)) - 0.5;
        }
        return v;
    }

    /// <summary>C · C for a symmetric C (row j of the result: Σ_k C[j,k] · row k), divided by its trace to stay in range.</summary>
    private static double[] Square(double[] m, int s)
    {
        var result = new double[s * s];
        for (var j = 0; j < s; j++)
        {
            var target = result.AsSpan(j * s, s);
            for (var k = 0; k < s; k++)
            {
                var factor = m[j * s + k];
                if (factor == 0)
                {
                    continue;
                }
                Vectors.AddScaled(target, m.AsSpan(k * s, s), factor);
            }
        }
        var trace = 0.0;
        for (var j = 0; j < s; j++)
        {
            trace += result[j * s + j];
        }
        if (trace > 0)
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] /= trace;
            }
        }
        return result;
    }

    private static void Multiply(double[] m, double[] v, double[] result, int s)
    {
        for (var j = 0; j < s; j++)
        {
            result[j] = Vectors.Dot(m.AsSpan(j * s, s), v);
        }
    }

    private static double Quadratic(double[] m, double[] v, int s)
    {
        var result = new double[s];
        Multiply(m, v, result, s);
        return Dot(v, result);
    }

    private static double[] Combine(double[] a, double[] b, double ca, double cb)
    {
        var r = new double[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            r[i] = ca * a[i] + cb * b[i];
        }
        return r;
    }

    internal static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double Norm(double[] v) => Math.Sqrt(Dot(v, v));

    private static void Scale(double[] v, double factor)
    {
        for (var i = 0; i < v.Length; i++)
        {
            v[i] *= factor;
        }
    }
}
