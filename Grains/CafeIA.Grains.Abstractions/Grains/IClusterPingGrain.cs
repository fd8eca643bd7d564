namespace CafeIA.Grains.Abstractions;

/// <summary>
/// Answers from whichever active silo the call reaches, touching no storage: a client gateway's
/// proof that the cluster serves when the membership table (in PostgreSQL) does not answer.
/// </summary>
[Alias("cafe.IClusterPingGrain")]
public interface IClusterPingGrain : IGrainWithIntegerKey
{
    /// <summary>The answering silo's address.</summary>
    [Alias("Ping")]
    Task<string> Ping();
}
