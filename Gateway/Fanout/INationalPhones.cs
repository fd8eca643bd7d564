using CafeIA.Wire;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// How <see cref="ProgrammeFanout"/> reaches one programme café's participants on this gateway:
/// through the café's own forwarder, so that the national tallies ride with the café's next batch
/// when one goes, and its sends to the phones stay in one order.
/// </summary>
public interface INationalPhones
{
    /// <summary>The programme's latest national view: the participants' next batch carries it (it replaces one offered before).</summary>
    void OfferNational(ProgrammeView view);

    /// <summary>
    /// The participants' turn (once a period): the view offered goes to them now, unless they have
    /// it, or a batch carried one since their last turn (they saw the count move within the period).
    /// <paramref name="settled"/>: the tallies have settled, so a view they lack goes in any case.
    /// </summary>
    void SendNational(bool settled = false);
}
