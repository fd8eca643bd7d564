namespace CafeIA.Bench;

public sealed record BenchOptions(int Clients, int Rounds, string Configuration)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new BenchOptions(
            int.Parse(Value("--clients") ?? "1000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--rounds") ?? "5", System.Globalization.CultureInfo.InvariantCulture),
            Value("--configuration") ?? "Release");
    }
}
