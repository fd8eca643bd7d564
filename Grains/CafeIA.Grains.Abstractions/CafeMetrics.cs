using System.Diagnostics.Metrics;

namespace CafeIA;

/// <summary>
/// Our own counters (meter "CafeIA"), exported with Orleans' and ASP.NET Core's for Prometheus.
/// Static instruments: one meter per process, recorded where the event is acknowledged.
/// </summary>
public static class CafeMetrics
{
    public const string MeterName = "CafeIA";
    private static readonly Meter Meter = new(MeterName, "1.0");

    /// <summary>Joins accepted (new participants and resumed ones).</summary>
    public static readonly Counter<long> Joins = Meter.CreateCounter<long>("cafeia.joins", "{join}", "Joins accepted by sessions");

    public static readonly Counter<long> Questions = Meter.CreateCounter<long>("cafeia.questions", "{question}", "Questions asked and stored");

    public static readonly Counter<long> Ballots = Meter.CreateCounter<long>("cafeia.ballots", "{ballot}", "Ballots cast or changed and stored");

    public static readonly Counter<long> StatementVotes = Meter.CreateCounter<long>("cafeia.statement_votes", "{vote}", "Votes on opinion statements acknowledged");

    /// <summary>How long one recompute of an opinion map took (in its map grain, off the vote path).</summary>
    public static readonly Histogram<double> OpinionMapCompute = Meter.CreateHistogram<double>(
        "cafeia.opinion_map.compute", "ms", "Time one opinion map recompute took");

    /// <summary>How long deriving a programme opinion's national plane from the merged sums took (in the programme opinion grain).</summary>
    public static readonly Histogram<double> NationalPlaneCompute = Meter.CreateHistogram<double>(
        "cafeia.national_map.plane", "ms", "Time one national plane (principal components from merged sums) took");

    /// <summary>How long grouping all cafés' clusters into the national map took (in the programme opinion grain).</summary>
    public static readonly Histogram<double> NationalMapCompute = Meter.CreateHistogram<double>(
        "cafeia.national_map.compute", "ms", "Time one national map (cafés' clusters into groups) took");

    /// <summary>National maps a café dropped because they grouped clusters it no longer keeps (it shows the previous one until a matching map comes).</summary>
    public static readonly Counter<long> NationalMapUnmatched = Meter.CreateCounter<long>(
        "cafeia.national_map.unmatched", "{map}", "National maps dropped by a café for grouping a reduction it no longer keeps");

    /// <summary>Session grains in memory now (a silo's share): idle sessions leave memory after <c>Sessions:IdleAfter</c>.</summary>
    public static readonly UpDownCounter<long> ActiveSessions = Meter.CreateUpDownCounter<long>("cafeia.sessions.active", "{session}", "Sessions held in memory");

    /// <summary>Sessions loaded from storage into memory since the process started (a new session's first activation is not one).</summary>
    public static readonly Counter<long> SessionActivations = Meter.CreateCounter<long>("cafeia.sessions.activations", "{activation}", "Sessions loaded from storage into memory");

    /// <summary>Reads and writes of the session store that failed (disk full, database unreachable, lock timeout).</summary>
    public static readonly Counter<long> StorageFailures = Meter.CreateCounter<long>("cafeia.storage.failures", "{failure}", "Session store reads and writes that failed");

    /// <summary>From the session's commit to the gateway handing the change to SignalR.</summary>
    public static readonly Histogram<double> FanoutLatency = Meter.CreateHistogram<double>(
        "cafeia.fanout.latency", "ms", "Time from a session change's commit to its send by a gateway");
}
