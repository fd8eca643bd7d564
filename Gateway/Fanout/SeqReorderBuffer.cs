using CafeIA.Wire;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// Puts one session's batches back in seq order. Orleans may deliver two one-way observer calls
/// out of order, so a batch that arrives ahead of a missing one waits for it, briefly: if it never
/// comes (lost with a failed silo), the batches held back go out after <see cref="Patience"/> and
/// screens see the gap and fetch a snapshot. A batch at or before what was taken is dropped.
/// </summary>
internal sealed class SeqReorderBuffer(TimeProvider clock)
{
    public static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(250);

    /// <summary>Batches that arrived ahead of a missing one, by the first seq they cover.</summary>
    private readonly SortedDictionary<long, SessionChanges> _heldBack = [];
    private long _next;
    /// <summary>When the oldest gap still open was first seen (0: none).</summary>
    private long _gapSince;

    /// <summary>Whether batches wait behind a missing one.</summary>
    public bool HasGap => _heldBack.Count > 0;

    public void Add(SessionChanges arrived)
    {
        var from = arrived.From ?? arrived.Seq;
        if (_next == 0)
        {
            // The first batch this gateway sees starts the sequence: screens joined with snapshots of their own.
            _next = from;
        }
        if (from >= _next)
        {
            _heldBack[from] = arrived;
        }
    }

    /// <summary>
    /// The batches that follow what was taken, in order; also those behind a gap that waited
    /// longer than <see cref="Patience"/>.
    /// </summary>
    public List<SessionChanges> TakeReady()
    {
        List<SessionChanges> ready = [];
        if (_heldBack.Count > 0 && !_heldBack.ContainsKey(_next) && _gapSince != 0 && clock.GetElapsedTime(_gapSince) >= Patience)
        {
            // The missing batch is lost: go on from what we have.
            _next = _heldBack.Keys.First();
        }
        while (_heldBack.Remove(_next, out var changes))
        {
            ready.Add(changes);
            _next = changes.Seq + 1;
        }
        _gapSince = _heldBack.Count > 0 ? (_gapSince == 0 ? clock.GetTimestamp() : _gapSince) : 0;
        return ready;
    }

    /// <summary>How long until a gap is given up (null when none is open).</summary>
    public TimeSpan? GapDue() => _heldBack.Count == 0 ? null : _gapSince == 0 ? Patience : Patience - clock.GetElapsedTime(_gapSince);
}
