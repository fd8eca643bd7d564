using CafeIA.Grains.Abstractions;
using CafeIA.Grains.Sessions;
using CafeIA.Wire;

namespace CafeIA.Grains.Formats;

public sealed class FormatState
{
    /// <summary>Every version, oldest first (version n is at n - 1); a version is never replaced.</summary>
    public List<FormatVersion> Versions { get; set; } = [];

    /// <summary>The sessions that may publish new versions: the one that published it first.</summary>
    public List<Guid> Publishers { get; set; } = [];
    public List<FormatCafe> Cafes { get; set; } = [];
}

/// <summary>
/// One format of the catalogue. Orleans runs one call at a time here, so two publications never
/// take the same version number; each one keeps the catalogue's index current.
/// </summary>
public sealed class FormatGrain(
    [PersistentState("format", StorageNames.Cafe)] IPersistentState<FormatState> store,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IFormatGrain
{
    /// <summary>The cafés a format lists (most recent first): enough for a page, bounded in state.</summary>
    public const int MaxCafes = 500;

    public async Task<Outcome<FormatPublished>> Publish(SessionFormat format, Guid sourceSessionId)
    {
        var state = store.State;
        if (state.Versions.Count > 0 && !state.Publishers.Contains(sourceSessionId))
        {
            return Outcome<FormatPublished>.Refuse(new Refusal(RefusalCodes.Forbidden, "Only the session that published this format adds versions to it."));
        }
        var version = new FormatVersion(this.GetPrimaryKeyString(), state.Versions.Count + 1, clock.GetUtcNow(), format);
        state.Versions.Add(version);
        if (!state.Publishers.Contains(sourceSessionId))
        {
            state.Publishers.Add(sourceSessionId);
        }
        await store.WriteStateAsync();
        await grains.GetGrain<IFormatCatalogueGrain>(0).Upsert(Entry());
        return Outcome<FormatPublished>.Ok(new FormatPublished(version.FormatId, version.Version));
    }

    public Task<FormatRecord?> Get() => Task.FromResult(store.State.Versions.Count == 0
        ? null
        : new FormatRecord(
            store.State.Versions[^1],
            [.. store.State.Versions.Select(v => new FormatVersionInfo(v.Version, v.PublishedAt, v.Format.Title ?? ""))],
            [.. store.State.Cafes]));

    public Task<FormatVersion?> GetVersion(int version) =>
        Task.FromResult(version >= 1 && version <= store.State.Versions.Count ? store.State.Versions[version - 1] : null);

    public async Task RecordCafe(Guid sessionId, int version)
    {
        var cafes = store.State.Cafes;
        if (store.State.Versions.Count == 0 || cafes.Exists(c => c.SessionId == sessionId))
        {
            return;
        }
        cafes.Insert(0, new FormatCafe(sessionId, version, clock.GetUtcNow()));
        if (cafes.Count > MaxCafes)
        {
            cafes.RemoveRange(MaxCafes, cafes.Count - MaxCafes);
        }
        await store.WriteStateAsync();
        await grains.GetGrain<IFormatCatalogueGrain>(0).Upsert(Entry());
    }

    private FormatEntry Entry()
    {
        var latest = store.State.Versions[^1];
        var format = latest.Format;
        return new FormatEntry(latest.FormatId, latest.Version, format.Title ?? "", format.Description, format.Audience,
            format.Language ?? SessionLanguage.Fr, format.DurationMinutes ?? 0, format.Licence ?? SessionFormat.DefaultLicence,
            format.Agenda?.Length ?? 0, latest.PublishedAt, store.State.Cafes.Count);
    }
}
