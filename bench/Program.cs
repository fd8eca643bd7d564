using CafeIA.Bench;

// dotnet run -c Release --project bench -- fanout --clients 1000 --rounds 5
//   measures a question's fan-out to N participants of one session on the embedded gateway, and
//   the same broadcast on a bare SignalR hub (no Orleans, no storage) in the same run.
// dotnet run -c Release --project bench -- votes --clients 10000
//   a vote storm: every participant votes once within ~10 s; acks, losses, doubles, projector lag.
// dotnet run -c Release --project bench -- bare-server --urls http://127.0.0.1:5099
//   the bare hub alone (the bench starts it itself).
return args.FirstOrDefault() switch
{
    "bare-server" => await BareServer.Run(args[1..]),
    "fanout" => await FanoutBenchmark.Run(BenchOptions.Parse(args[1..])),
    "votes" => await VoteStormBenchmark.Run(BenchOptions.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench fanout|votes [--clients N] [--rounds R] [--configuration Release]  |  bench bare-server --urls URL");
    return 2;
}
