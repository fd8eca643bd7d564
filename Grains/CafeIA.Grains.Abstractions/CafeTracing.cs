using System.Diagnostics;

namespace CafeIA;

/// <summary>
/// Our own spans (activity source "CafeIA"): the session store's write in the commit path and a
/// gateway's fan-out of a batch. With the hub's spans (ASP.NET Core's SignalR source) and the grain
/// calls' (Orleans' activity propagation) they make one trace per call: hub → session grain →
/// storage write → fan-out. Nothing is recorded unless a tracer listens (Telemetry:Otlp:Endpoint).
/// </summary>
public static class CafeTracing
{
    public const string SourceName = "CafeIA";

    /// <summary>Orleans' spans of grain calls between application grains, clients and observers.</summary>
    public const string OrleansSourceName = "Microsoft.Orleans.Application";

    /// <summary>ASP.NET Core's span of each hub method invocation.</summary>
    public const string SignalRSourceName = "Microsoft.AspNetCore.SignalR.Server";

    public const string StorageWrite = "cafeia.session.write";
    public const string Fanout = "cafeia.fanout";

    public const string SessionTag = "cafeia.session";
    public const string SeqTag = "cafeia.seq";
    public const string RowsTag = "cafeia.rows";
    public const string LaneTag = "cafeia.fanout.lane";

    public static readonly ActivitySource Source = new(SourceName, "1.0");
}
