using System.Diagnostics;
using CafeIA.Wire;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// The fan-out span of each batch a gateway receives, from its arrival (in the trace of the
/// session's write, carried by Orleans' activity propagation on the observer call) to its first
/// hand-over to SignalR, whichever lane (staff and projector, or participants) goes first.
/// Nothing is kept when no tracer listens.
/// </summary>
internal sealed class FanoutSpans(Guid sessionId)
{
    /// <summary>Spans of batches never sent (screens all gone) are ended past this many.</summary>
    private const int MaxOpen = 256;

    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, Activity> _open = [];

    /// <summary>Called on the observer call, whose span is current.</summary>
    public void Arrived(SessionChanges changes)
    {
        if (!CafeTracing.Source.HasListeners() || Parent() is not { } parent)
        {
            return;
        }
        var caller = Activity.Current;
        var span = CafeTracing.Source.StartActivity(CafeTracing.Fanout, ActivityKind.Internal, parent);
        // StartActivity made it current; the observer call's context must not keep it.
        Activity.Current = caller;
        if (span is null)
        {
            return;
        }
        span.SetTag(CafeTracing.SessionTag, sessionId).SetTag(CafeTracing.SeqTag, changes.Seq);
        lock (_gate)
        {
            if (!_open.TryAdd(changes.Seq, span))
            {
                span.Stop();
                return;
            }
            while (_open.Count > MaxOpen)
            {
                EndFirst("dropped");
            }
        }
    }

    /// <summary>
    /// The observer call's span, or else the trace context Orleans carried in the request context
    /// (an observer call that no incoming filter wrapped).
    /// </summary>
    private static ActivityContext? Parent()
    {
        if (Activity.Current is { } current)
        {
            return current.Context;
        }
        return Orleans.Runtime.RequestContext.Get("traceparent") is string traceParent
            && ActivityContext.TryParse(traceParent, Orleans.Runtime.RequestContext.Get("tracestate") as string, out var context)
            ? context : null;
    }

    /// <summary>A lane handed batches up to <paramref name="seq"/> to SignalR.</summary>
    public void Sent(long seq, string lane)
    {
        lock (_gate)
        {
            while (_open.Count > 0 && _open.First().Key <= seq)
            {
                EndFirst(lane);
            }
        }
    }

    private void EndFirst(string lane)
    {
        var (seq, span) = _open.First();
        _open.Remove(seq);
        span.SetTag(CafeTracing.LaneTag, lane).Stop();
    }
}
