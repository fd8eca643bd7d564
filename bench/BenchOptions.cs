namespace CafeIA.Bench;

/// <summary>
/// Command-line options: --clients N, --rounds R, --configuration C (which build of the servers),
/// --sessions S and --per-session P (many small sessions), --storage embedded|postgres.
/// </summary>
public sealed record BenchOptions(int Clients, int Rounds, string Configuration, int Sessions, int PerSession, string Storage)
{
    public const string Embedded = "embedded";
    public const string Postgres = "postgres";

    /// <param name="perSession">The default of --per-session (12; the programme scenario's is 20).</param>
    public static BenchOptions Parse(string[] args, int perSession = 12)
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
            Number("--sessions", 1000),
            Number("--per-session", perSession),
            storage);
    }
}
