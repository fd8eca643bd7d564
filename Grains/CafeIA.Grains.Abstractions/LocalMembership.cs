namespace CafeIA;

/// <summary>
/// A silo's own view of the cluster (its membership snapshot, in memory), for readiness. Asking
/// the management grain instead reads the membership table: with PostgreSQL down every silo would
/// report unready although the cluster serves what does not need the database. Absent in a pure
/// client gateway, which asks the management grain.
/// </summary>
public sealed class LocalMembership(Func<int> activeSilos)
{
    public int ActiveSilos => activeSilos();
}
