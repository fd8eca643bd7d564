using System.Globalization;
using CafeIA.Bench.Grain;

// The session grain in process (docs/BENCHMARKS.md, "The session grain's ceiling" and "Cold start"):
//   dotnet bench/Grain/bin/Release/net10.0/CafeIA.Bench.Grain.dll ceiling [--storage embedded|postgres] [--voters 20000] [--polls 3]
//   dotnet bench/Grain/bin/Release/net10.0/CafeIA.Bench.Grain.dll coldstart [--storage …] [--participants 10000] [--ballots 10000] [--questions 500]
// Each prints its Markdown row last and exits non-zero on any loss, double or inexact count.
string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var storage = Value("--storage") ?? "embedded";
if (storage is not ("embedded" or "postgres"))
{
    Console.Error.WriteLine("--storage is embedded (SQLite) or postgres.");
    return 2;
}
return args.FirstOrDefault() switch
{
    "ceiling" => await BallotCeiling.Run(storage, Number("--voters", 20_000), Number("--polls", 3)),
    "coldstart" => await ColdStart.Run(storage, Number("--participants", 10_000), Number("--ballots", 10_000), Number("--questions", 500)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CafeIA.Bench.Grain ceiling|coldstart [--storage embedded|postgres] [sizes]");
    return 2;
}
