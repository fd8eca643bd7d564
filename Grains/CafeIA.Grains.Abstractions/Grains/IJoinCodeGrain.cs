namespace CafeIA.Grains.Abstractions;

/// <summary>Maps a join code (the grain key, upper case) to the session that owns it.</summary>
[Alias("cafe.IJoinCodeGrain")]
public interface IJoinCodeGrain : IGrainWithStringKey
{
    /// <summary>True if the code is now (or already was) owned by this session.</summary>
    [Alias("Claim")]
    Task<bool> Claim(Guid sessionId);

    [Alias("GetSessionId")]
    Task<Guid?> GetSessionId();

    /// <summary>Frees the code when its session is deleted.</summary>
    [Alias("Release")]
    Task Release(Guid sessionId);
}
