using System.Diagnostics;
using CafeIA.Hosting;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CafeIA.Integration.Tests.Telemetry;

/// <summary>
/// "Why was my vote slow?": one vote's trace, exported as the OTLP exporter would receive it
/// (an in-memory exporter in its place), shows its hub call, the session grain's call, the
/// store's write and the gateway's fan-out, each inside the one before.
/// </summary>
public sealed class TraceTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly ExportedSpans _spans = new();
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync() =>
        _gateway = await GatewayHost.StartEmbedded(_data.Path,
            builder => builder.Services.AddOpenTelemetry().WithTracing(t => t.AddCafeTraceSources().AddInMemoryExporter(_spans)));

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task A_vote_has_one_trace_through_hub_grain_storage_and_fan_out()
    {
        await using var session = await HubSession.Start(_gateway.BaseAddress, "Café IA tracé");
        var alice = await session.Participant("Alice");
        var poll = (await session.Facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Tracer ?", PollKind.Single, ["oui", "non"]))).PollId;
        await session.Facilitator.Invoke("OpenPoll", new PollRef(poll));
        await alice.WaitFor<PollUpdated>(e => e.Poll.Id == poll && e.Poll.State == PollState.Open);

        await alice.Invoke("Vote", new VoteRequest(poll, [1]));
        await session.Facilitator.WaitFor<PollResultsChanged>(e => e.PollId == poll && e.Results.Voters == 1);

        var sessionId = session.Created.SessionId.ToString();
        var trace = await Eventually.Get(() => Task.FromResult(VoteTrace(sessionId)), t => t is { Fanout: not null },
            "the vote's trace with its fan-out span") ?? throw new InvalidOperationException("no trace");

        Assert.Equal(ActivityKind.Server, trace.Grain.Kind);
        Assert.Contains("Vote", trace.Grain.DisplayName);
        Assert.True(IsWithin(trace.Grain, trace.Hub), "the grain's span is inside the hub call's");
        Assert.Equal(trace.Grain.SpanId, trace.Storage.ParentSpanId);
        Assert.True(IsWithin(trace.Fanout!, trace.Grain), "the fan-out span is inside the grain call that wrote");
        Assert.Equal(ActivityStatusCode.Unset, trace.Storage.Status);
        Assert.True(trace.Storage.Duration > TimeSpan.Zero);
    }

    private sealed record VoteSpans(Activity Hub, Activity Grain, Activity Storage, Activity? Fanout);

    /// <summary>The hub's "Vote" span of this session's one vote, and the spans of its trace.</summary>
    private VoteSpans? VoteTrace(string sessionId)
    {
        var spans = _spans.Snapshot();
        foreach (var hub in spans.Where(s => s.Source.Name == CafeTracing.SignalRSourceName && s.DisplayName.EndsWith("/Vote", StringComparison.Ordinal)))
        {
            var trace = spans.Where(s => s.TraceId == hub.TraceId).ToList();
            var storage = trace.FirstOrDefault(s => s.OperationName == CafeTracing.StorageWrite && Tag(s, CafeTracing.SessionTag) == sessionId);
            var grain = storage is null ? null : trace.FirstOrDefault(s => s.SpanId == storage.ParentSpanId && s.Source.Name == CafeTracing.OrleansSourceName);
            if (grain is null)
            {
                continue;
            }
            var fanout = trace.FirstOrDefault(s => s.OperationName == CafeTracing.Fanout && Tag(s, CafeTracing.SessionTag) == sessionId
                && Tag(s, CafeTracing.SeqTag) == Tag(storage!, CafeTracing.SeqTag));
            return new VoteSpans(hub, grain, storage!, fanout);
        }
        return null;
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    /// <summary>Whether <paramref name="span"/> descends from <paramref name="ancestor"/> among the exported spans.</summary>
    private bool IsWithin(Activity span, Activity ancestor)
    {
        var byId = _spans.Snapshot().Where(s => s.TraceId == ancestor.TraceId).GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        for (var parent = span.ParentSpanId; byId.TryGetValue(parent, out var next); parent = next.ParentSpanId)
        {
            if (next.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }
        return false;
    }
}
