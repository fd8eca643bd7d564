using CafeIA.Domain;
using CafeIA.Grains.Abstractions;
using CafeIA.Storage;
using CafeIA.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace CafeIA.Grains.Sessions;

/// <summary>
/// The thin Orleans shell around <see cref="Session"/>: loads and writes its state, and publishes
/// each change batch to the subscribed gateways once the write that contains it has committed.
/// Reentrant, for group commit: each command runs to completion without awaiting (so commands
/// still apply one at a time, in arrival order), then awaits the write that holds its change;
/// every command that arrives during a write joins the next one and the same change batch.
/// </summary>
[Reentrant]
public sealed partial class SessionGrain(
    SessionStore store,
    IGrainFactory grains,
    IOptions<SessionLimits> limits,
    TimeProvider clock,
    ILogger<SessionGrain> log) : Grain, ISessionGrain
{
    private const int JoinCodeAttempts = 20;
    private readonly Guid _activation = Guid.NewGuid();
    private Session _session = null!;
    private readonly Subscribers<ISessionObserver> _subscribers = new(clock);
    private readonly List<Action> _atTake = [];
    private GroupCommit _commits = null!;
    private bool _broken;
    private bool _erasing;
    private bool _creating;

    private SessionState _state = new();

    /// <summary>
    /// The stored row's version: one per write, silent ones (reaction counts) included, checked by
    /// the store against a second writer. Not the seq (one per published batch, in the state) nor
    /// the session's Revision (in memory, one per change).
    /// </summary>
    private long _version;

    private bool Exists => _state.Exists && !_erasing;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commits = new GroupCommit(Commit);
        if (await store.Load(this.GetPrimaryKey()) is { } stored)
        {
            (_state, _version) = (SessionDocument.Read(stored), stored.Version);
            CafeMetrics.SessionActivations.Add(1);
        }
        _session = new Session(_state, limits.Value, clock);
        _session.ResetPresence();
        ScheduleQuizClose();
        WakeOpinionMaps();
        CafeMetrics.ActiveSessions.Add(1);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Reaction counts no commit has written yet: a grain leaving memory in good order keeps them.
        await SaveReactions();
        CafeMetrics.ActiveSessions.Add(-1);
    }

    public Task<Outcome<SessionCreated>> Create(string? title, SessionLanguage language = SessionLanguage.Fr) =>
        Create(title, language, prepare: null);

    /// <summary>
    /// Creates the session, then lets <paramref name="prepare"/> fill it (a format) before its first
    /// write. Both are tried on a probe first, so a refusal claims no join code and stores nothing.
    /// </summary>
    private async Task<Outcome<SessionCreated>> Create(string? title, SessionLanguage language, Func<Session, Refusal?>? prepare)
    {
        var id = this.GetPrimaryKey();
        if (_state.Exists || _creating)
        {
            return Outcome<SessionCreated>.Refuse(new Refusal(RefusalCodes.Invalid, "This session already exists."));
        }
        var probeState = new SessionState();
        var probe = Session.Create(probeState, id, title, "PROBE0", limits.Value, clock.GetUtcNow(), language);
        if (probe.IsRefused)
        {
            return probe;
        }
        if (prepare?.Invoke(new Session(probeState, limits.Value, clock)) is { } refused)
        {
            return Outcome<SessionCreated>.Refuse(refused);
        }
        _creating = true;
        try
        {
            for (var attempt = 0; attempt < JoinCodeAttempts; attempt++)
            {
                var code = JoinCode.New();
                if (await grains.GetGrain<IJoinCodeGrain>(code).Claim(id))
                {
                    var created = Session.Create(_state, id, title, code, limits.Value, clock.GetUtcNow(), language);
                    prepare?.Invoke(_session);
                    // The format's drafts are in the document itself: no screen has joined yet to be told.
                    var rows = _session.TakeCommit()?.Rows ?? _session.TakeStoredChanges();
                    _version = await store.Commit(id, _version, SessionDocument.Write(_state, rows));
                    await TrackDraft();
                    return created;
                }
            }
        }
        finally
        {
            _creating = false;
        }
        throw new InvalidOperationException("No free join code found; the code space is nearly exhausted.");
    }

    public Task<SessionSummary?> GetSummary() =>
        Task.FromResult(Exists ? _session.Summary() : null);

    /// <summary>The snapshot a joiner gets is made when the batch holding the join is taken, so it carries exactly that seq.</summary>
    public async Task<Outcome<JoinResult>> Join(JoinOptions options) =>
        Counted(await AnswerAtTake(s => s.Admit(options), (s, admitted) => s.Answer(admitted)), CafeMetrics.Joins);

    public async Task Disconnected(string participantId)
    {
        if (Exists)
        {
            await Apply(null, s =>
            {
                s.Disconnected(participantId);
                return Outcome<Done>.Ok(Done.Instance);
            });
        }
    }

    public Task<Outcome<SessionSnapshot>> GetSnapshot(string participantId) =>
        Apply(null, s => s.Snapshot(participantId), (s, _) => s.Snapshot(participantId).Value!);

    public Task<Guid> Subscribe(ISessionObserver observer)
    {
        _subscribers.Renew(observer);
        return Task.FromResult(_activation);
    }

    public Task<string> GetHost() => Task.FromResult(RuntimeIdentity);

    public Task Unsubscribe(ISessionObserver observer)
    {
        _subscribers.Remove(observer);
        return Task.CompletedTask;
    }
}
