namespace CafeIA.Bench;

/// <summary>
/// Command-line options: --clients N, --rounds R, --configuration C (which build of the servers),
/// --sessions S and --per-session P (many small sessions), --storage embedded|postgres; for the
/// reaction storm --seconds (each storm's window), --max-ratio (the vote p99 ratio it tolerates)
/// and --flush-ms (the gateway's Reactions:FlushInterval; 0: one session call per reaction); for the
/// soak --minutes (how long it runs); for the join wave --warm-up (joins before the measured wave).
/// </summary>
public sealed record BenchOptions(int Clients, int Rounds, string Configuration, int Sessions, int PerSession, string Storage,
    int Seconds = 10, double MaxRatio = 1.5, int? FlushMs = null, int Minutes = 30, int? WarmUp = null)
{
    public const string Embedded = "embedded";
    public const string Postgres = "postgres";

    /// <param name="perSession">The default of --per-session (12; the programme scenario's is 20).</param>
    /// <param name="sessions">The default of --sessions (1,000; the soak's is 20).</param>
    public static BenchOptions Parse(string[] args, int perSession = 12, int sessions = 1000)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => int.Parse(Value(name) ?? fallback.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        var storage = Value("--storage") ?? Embedded;
        if (storage is not (Embedded or Postgres))
        {
            throw new ArgumentException($"--storage is {Embedded} (SQLite, co-hosted silo) or {Postgres} (PostgreSQL, one silo, gateway as client).");
        }
        return new BenchOptions(
            Number("--clients", 1000),
            Number("--rounds", 5),
            Value("--configuration") ?? "Release",
            Number("--sessions", sessions),
            Number("--per-session", perSession),
            storage,
            Number("--seconds", 10),
            double.Parse(Value("--max-ratio") ?? "1.5", System.Globalization.CultureInfo.InvariantCulture),
            Value("--flush-ms") is { } flush ? int.Parse(flush, System.Globalization.CultureInfo.InvariantCulture) : null,
            Number("--minutes", 30),
            Value("--warm-up") is { } warmUp ? int.Parse(warmUp, System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
