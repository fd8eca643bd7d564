using CafeIA.Bench;

// dotnet run -c Release --project bench -- fanout --clients 1000 --rounds 5
//   measures a question's fan-out to N participants of one session on the embedded gateway, and
//   the same broadcast on a bare SignalR hub (no Orleans, no storage) in the same run.
// dotnet run -c Release --project bench -- votes --clients 10000 [--storage postgres]
//   a vote storm: every participant votes once within ~10 s; acks, losses, doubles, projector lag.
//   --storage postgres: PostgreSQL (fsync on), one silo, the gateway as an Orleans client.
// dotnet run -c Release --project bench -- upvotes --clients 10000 [--storage postgres]
//   an upvote storm: every participant upvotes the same question once within ~10 s.
// dotnet run -c Release --project bench -- reactions --clients 1000 [--seconds 10] [--max-ratio 1.5] [--flush-ms 250]
//   a reaction storm during a vote storm: N voters vote while N other clients react as fast as
//   their budget allows, against the same vote storm without reactions, alternated in one run;
//   prints the vote ack p99 ratio and fails when it is over --max-ratio (or anything was lost).
// dotnet run -c Release --project bench -- join --clients 10000
//   a join wave: N participants connect and join one session as fast as they can; per-join
//   latency, joins/s, server CPU and memory, against the bare hub's connect + one call.
// dotnet run -c Release --project bench -- sessions --sessions 1000 --per-session 12
//   many small sessions all connected at once: memory per connected participant, ours and bare.
// dotnet run -c Release --project bench -- programme --sessions 1000 --per-session 20
//   a national programme vote over two gateways: PostgreSQL, one silo, two gateways as clients, two
//   load-generator processes (`programme-worker`, started by the bench itself); per-café and
//   national exactness, and how long after the last ack the screens showed the national count.
// dotnet run -c Release --project bench -- spread --clients 20000 --rounds 20
//   one session over two gateways: PostgreSQL, one silo, two gateways as clients, half the
//   participants on each (two load-generator processes, `spread-worker`); question fan-out against
//   two bare hubs each broadcasting to its own half, then a vote storm (lost, doubled, ack p99).
// dotnet run -c Release --project bench -- opinion-map [--runs 11]
//   the opinion map's recompute in process (issue 17): 1,000 × 100 and 10,000 × 200 planted
//   sparse votes, cold and warm (with the previous run's memory), median and p95.
// dotnet run -c Release --project bench -- opinion-votes --clients 1000 --rounds 20 --seconds 20 [--max-ratio 1.5]
//   votes on statements while the opinion map recomputes every second (issue 17): N voters in
//   three planted groups each cast --rounds votes in the window, following `next`, against the
//   same pace of poll ballots, alternated in one run; prints both p99s and their ratio.
// dotnet run -c Release --project bench -- opinion-programme --sessions 200 [--per-session 20]
//   an opinion pushed to a programme's cafés (issue 17): planted groups spread over every café vote;
//   prints how long until every café shows the full national map, its groups' index against the
//   planted ones, and the national stages' compute time.
// dotnet run -c Release --project bench -- soak --minutes 30 [--sessions 20] [--per-session 100]
//   a soak: cafés that come and go (each lives 5 minutes, then is checked and deleted), their
//   participants joining, leaving, asking, upvoting, voting and reconnecting, some cafés left
//   unwatched until their session leaves memory and comes back; memory and CPU over time, a slope
//   test on the heap, and every acknowledged action checked in its café before it is deleted.
// dotnet run -c Release --project bench -- bare-server --urls http://127.0.0.1:5099
//   the bare hub alone (the bench starts it itself).
// Every scenario prints one Markdown table row and exits 0 only if nothing was lost, doubled or failed.
if (args.FirstOrDefault() == "bare-server")
{
    return await BareServer.Run(args[1..]);
}
if (args.FirstOrDefault() == "opinion-map")
{
    return OpinionMapBenchmark.Run(args[1..]);
}
if (args.FirstOrDefault() == "programme-worker")
{
    return await ProgrammeWorker.Run(args[1..]);
}
if (args.FirstOrDefault() == "spread-worker")
{
    return await SpreadWorker.Run(args[1..]);
}
Func<BenchOptions, Task<int>>? scenario = args.FirstOrDefault() switch
{
    "fanout" => FanoutBenchmark.Run,
    "votes" => VoteStormBenchmark.Run,
    "upvotes" => UpvoteStormBenchmark.Run,
    "reactions" => ReactionStormBenchmark.Run,
    "join" => JoinWaveBenchmark.Run,
    "sessions" => ManySessionsBenchmark.Run,
    "programme" => ProgrammeBenchmark.Run,
    "spread" => SpreadBenchmark.Run,
    "opinion-votes" => OpinionVotesBenchmark.Run,
    "opinion-programme" => OpinionProgrammeBenchmark.Run,
    "soak" => SoakBenchmark.Run,
    _ => null,
};
if (scenario is null)
{
    return Usage();
}
BenchOptions options;
try
{
    options = args[0] == "soak"
        ? BenchOptions.Parse(args[1..], perSession: 100, sessions: 20)
        : BenchOptions.Parse(args[1..], perSession: args[0] is "programme" or "opinion-programme" ? 20 : 12);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return Usage();
}
if (options.Storage != BenchOptions.Embedded && args[0] is not ("votes" or "upvotes"))
{
    Console.Error.WriteLine(args[0] == "programme"
        ? "programme always runs on the cluster deployment (PostgreSQL, one silo, two gateways): no --storage."
        : args[0] == "spread" ? "spread always runs on the cluster deployment (PostgreSQL, one silo, two gateways): no --storage."
        : $"{args[0]} runs on the embedded gateway only; --storage {BenchOptions.Postgres} is for votes and upvotes.");
    return Usage();
}
return await scenario(options);

static int Usage()
{
    Console.Error.WriteLine("""
        usage: bench fanout  [--clients N] [--rounds R]
               bench votes   [--clients N] [--storage embedded|postgres]
               bench upvotes [--clients N] [--storage embedded|postgres]
               bench reactions [--clients N] [--seconds S] [--max-ratio R] [--flush-ms F]
               bench join    [--clients N]
               bench sessions [--sessions S] [--per-session P]
               bench programme [--sessions S] [--per-session P]
               bench spread  [--clients N] [--rounds R]
               (all: [--configuration Release], the build of the servers to run; --clients defaults to 1000,
                --rounds to 5, --sessions to 1000, --per-session to 12 (programme: 20), --storage to embedded)
               bench opinion-votes [--clients N] [--rounds R] [--seconds S] [--max-ratio R]
               bench opinion-map [--runs R]
               bench soak [--minutes M] [--sessions S] [--per-session P]   (defaults 30, 20, 100)
               bench bare-server --urls URL
        """);
    return 2;
}
