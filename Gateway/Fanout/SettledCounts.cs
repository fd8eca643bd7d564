using CafeIA.Wire;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// Whether a programme's settled word brings the phones counts they have not seen settle: the
/// national counts of its polls that have ballots, compared with those of the last settled word
/// (or of the first view received). A poll just pushed, still without ballots, changes nothing, so
/// its settled word is not a write to every phone at the push's busiest moment; a ballot, or a
/// ballot changed to another option, does. Not thread-safe: the caller holds its lock.
/// </summary>
internal sealed class SettledCounts
{
    private int? _settled;

    /// <summary>A view arrived: the first one is what the phones are taken to have.</summary>
    public void Seen(ProgrammeView view) => _settled ??= Of(view);

    /// <summary>The tallies settled on this view: true when its counts differ from the last settled ones.</summary>
    public bool Settled(ProgrammeView view)
    {
        var counts = Of(view);
        var changed = _settled != counts;
        _settled = counts;
        return changed;
    }

    private static int Of(ProgrammeView view)
    {
        var hash = new HashCode();
        foreach (var poll in view.Polls.Where(p => p.National.Voters > 0))
        {
            hash.Add(poll.ProgrammePollId);
            hash.Add(poll.National.Voters);
            foreach (var count in poll.National.Counts)
            {
                hash.Add(count);
            }
        }
        return hash.ToHashCode();
    }
}
