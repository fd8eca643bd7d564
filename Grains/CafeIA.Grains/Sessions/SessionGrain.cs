using CafeIA.Domain;
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
    private long _version;

    private bool Exists => _state.Exists && !_erasing;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commits = new GroupCommit(Commit);
        if (await store.Load(this.GetPrimaryKey()) is { } stored)
        {
            (_state, _version) = (SessionDocument.Read(stored), stored.Version);
        }
        _session = new Session(_state, limits.Value, clock);
        _session.ResetPresence();
        ScheduleQuizClose();
        WakeOpinionMaps();
        CafeMetrics.SessionActivations.Add(1);
        CafeMetrics.ActiveSessions.Add(1);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Reaction counts no commit has written yet: a grain leaving memory in good order keeps them.
        await SaveReactions();
        CafeMetrics.ActiveSessions.Add(-1);
    }

    public async Task<Outcome<SessionCreated>> Create(string? title, SessionLanguage language = SessionLanguage.Fr)
    {
        var id = this.GetPrimaryKey();
        if (_state.Exists || _creating)
        {
            return Outcome<SessionCreated>.Refuse(new Refusal(RefusalCodes.Invalid, "This session already exists."));
        }
        var probe = Session.Create(new SessionState(), id, title, "PROBE0", limits.Value, clock.GetUtcNow(), language);
        if (probe.IsRefused)
        {
            return probe;
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
                    _version = await store.Commit(id, _version, SessionDocument.Write(_state, _session.TakeStoredChanges()));
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

    public Task<long> GetSeq() => Task.FromResult(_state.Seq);

    /// <summary>The snapshot a joiner gets is made when the batch holding the join is taken, so it carries exactly that seq.</summary>
    public async Task<Outcome<JoinResult>> Join(JoinOptions options) =>
        Counted(await Apply(null, s => s.Join(options), (s, joined) => joined with { Snapshot = s.Snapshot(joined.ParticipantId).Value! }), CafeMetrics.Joins);

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

    public Task<Outcome<Done>> SetPhase(string participantId, SessionPhase phase) => Apply(participantId, s => s.SetPhase(participantId, phase));

    public async Task<Outcome<QuestionCreated>> Ask(string participantId, AskQuestionRequest request) =>
        Counted(await Apply(participantId, s => s.Ask(participantId, request)), CafeMetrics.Questions);

    public Task<Outcome<Done>> Upvote(string participantId, string? questionId) => Apply(participantId, s => s.Upvote(participantId, questionId));

    public Task<Outcome<Done>> RemoveUpvote(string participantId, string? questionId) => Apply(participantId, s => s.RemoveUpvote(participantId, questionId));

    public Task<Outcome<Done>> WithdrawQuestion(string participantId, string? questionId) => Apply(participantId, s => s.WithdrawQuestion(participantId, questionId));

    public Task<Outcome<PollCreated>> CreatePoll(string participantId, CreatePollRequest request) => Apply(participantId, s => s.CreatePoll(participantId, request));

    public Task<Outcome<Done>> OpenPoll(string participantId, string? pollId) => Apply(participantId, s => s.OpenPoll(participantId, pollId));

    public Task<Outcome<Done>> ClosePoll(string participantId, string? pollId) => Apply(participantId, s => s.ClosePoll(participantId, pollId));

    public Task<Outcome<Done>> EditPoll(string participantId, EditPollRequest request) => Apply(participantId, s => s.EditPoll(participantId, request));

    public Task<Outcome<Done>> DeletePoll(string participantId, string? pollId) => Apply(participantId, s => s.DeletePoll(participantId, pollId));

    public Task<Outcome<Done>> RevealResults(string participantId, string? pollId) => Apply(participantId, s => s.RevealResults(participantId, pollId));

    public Task<Outcome<Done>> HideResults(string participantId, string? pollId) => Apply(participantId, s => s.HideResults(participantId, pollId));

    public Task<Outcome<Done>> ShowResultsOnScreen(string participantId, string? pollId, bool? show) =>
        Apply(participantId, s => s.ShowResultsOnScreen(participantId, pollId, show));

    public Task<Outcome<Done>> SetScreen(string participantId, ScreenRequest request) => Apply(participantId, s => s.SetScreen(participantId, request));

    public Task<Outcome<Done>> ModerateAnswer(string participantId, AnswerRef answer, bool approve) => Apply(participantId, s => s.ModerateAnswer(participantId, answer, approve));

    public async Task<Outcome<Done>> Vote(string participantId, VoteRequest request) =>
        Counted(await Apply(participantId, s => s.Vote(participantId, request)), CafeMetrics.Ballots);

    public Task<Outcome<Done>> RecordHandCount(string participantId, HandCountRequest request) =>
        Apply(participantId, s => s.RecordHandCount(participantId, request));

    public Task<Outcome<Done>> ClearHandCount(string participantId, string? pollId) => Apply(participantId, s => s.ClearHandCount(participantId, pollId));

    private static Outcome<T> Counted<T>(Outcome<T> outcome, System.Diagnostics.Metrics.Counter<long> counter)
    {
        if (!outcome.IsRefused)
        {
            counter.Add(1);
        }
        return outcome;
    }

    public Task<Outcome<Done>> SetModeration(string participantId, ModerationSettings settings) => Apply(participantId, s => s.SetModeration(participantId, settings));

    public Task<Outcome<Done>> ModerateQuestion(string participantId, QuestionModeration moderation) => Apply(participantId, s => s.ModerateQuestion(participantId, moderation));

    public Task<Outcome<Done>> ReplyToQuestion(string participantId, ReplyRequest request) => Apply(participantId, s => s.ReplyToQuestion(participantId, request));

    public Task<Outcome<Done>> ClearReply(string participantId, string? questionId) => Apply(participantId, s => s.ClearReply(participantId, questionId));

    public Task<Outcome<Done>> RestoreQuestion(string participantId, string? questionId) => Apply(participantId, s => s.RestoreQuestion(participantId, questionId));

    public Task<Outcome<Done>> PauseQuestions(string participantId, PauseQuestionsRequest request) => Apply(participantId, s => s.PauseQuestions(participantId, request));

    public Task<Outcome<Announcement>> Announce(string participantId, AnnounceRequest request) => Apply(participantId, s => s.Announce(participantId, request));

    public Task<Outcome<Done>> DismissAnnouncement(string participantId) => Apply(participantId, s => s.DismissAnnouncement(participantId));

    public Task<Outcome<Done>> SetProfanityFilter(string participantId, ProfanityFilterRequest request) => Apply(participantId, s => s.SetProfanityFilter(participantId, request));

    public Task<Outcome<Done>> ModerateWord(string participantId, WordModerationRequest request) => Apply(participantId, s => s.ModerateWord(participantId, request));

    public Task<Outcome<Done>> SetMuted(string participantId, string? targetParticipantId, bool muted) => Apply(participantId, s => s.SetMuted(participantId, targetParticipantId, muted));

    public Task<Outcome<ModeratorLinkView>> CreateModeratorLink(string participantId, string? facilitatorKey, string? label) =>
        Apply(participantId, s => s.CreateModeratorLink(participantId, facilitatorKey, label));

    public Task<Outcome<Done>> RevokeModeratorLink(string participantId, string? linkId) => Apply(participantId, s => s.RevokeModeratorLink(participantId, linkId));

    public Task<Outcome<KioskLinkView>> CreateKioskLink(string participantId, string? facilitatorKey, string? label) =>
        Apply(participantId, s => s.CreateKioskLink(participantId, facilitatorKey, label));

    public Task<Outcome<Done>> RevokeKioskLink(string participantId, string? linkId) => Apply(participantId, s => s.RevokeKioskLink(participantId, linkId));

    public async Task<Outcome<Done>> KioskVote(string participantId, VoteRequest request) =>
        Counted(await Apply(participantId, s => s.KioskVote(participantId, request)), CafeMetrics.Ballots);

    public Task<Outcome<KioskTurnUndone>> UndoKioskTurn(string participantId, string? linkId) =>
        Apply(participantId, s => s.UndoKioskTurn(participantId, linkId));

    public Task<Outcome<Done>> SetHand(string participantId, bool raised) => Apply(participantId, s => s.SetHand(participantId, raised));

    public Task<Outcome<SpeakerCalled>> CallSpeaker(string participantId, string? targetParticipantId) => Apply(participantId, s => s.CallSpeaker(participantId, targetParticipantId));

    public Task<Outcome<Done>> EndSpeaking(string participantId) => Apply(participantId, s => s.EndSpeaking(participantId));

    public async Task<Outcome<Done>> Delete(string participantId)
    {
        if (!Exists)
        {
            return Outcome<Done>.Refuse(new Refusal(RefusalCodes.NotFound, "There is no such session."));
        }
        var allowed = _session.Delete(participantId);
        if (!allowed.IsRefused)
        {
            await Erase();
        }
        return allowed;
    }

    public async Task Purge()
    {
        if (Exists && _state.Phase == SessionPhase.Ended)
        {
            await Erase();
        }
    }

    /// <summary>Removes every trace: the stored state, the join code; screens learn it and stop.</summary>
    private async Task Erase()
    {
        _erasing = true;
        try
        {
            await _commits.Durable();
        }
        catch (Exception)
        {
            // A failed write deactivates the grain anyway; erasing goes on.
        }
        var (id, code, seq, listed) = (this.GetPrimaryKey(), _state.JoinCode, _state.Seq, _state.Listing is not null);
        await store.Delete(id);
        if (listed)
        {
            await grains.GetGrain<ICafeListingGrain>(id).Unpublish();
        }
        await grains.GetGrain<IJoinCodeGrain>(code).Release(id);
        var deleted = new SessionChanges(seq + 1, [new Delivery(new SessionDeleted(), Audience.Everyone)], clock.GetUtcNow());
        _subscribers.Publish(o => o.OnChanges(id, deleted), log, id);
        (_state, _version) = (new SessionState(), 0);
        _session = new Session(_state, limits.Value, clock);
        _erasing = false;
        DeactivateOnIdle();
    }

    public Task<Outcome<Done>> SetVideo(string participantId, string? url) => Apply(participantId, s => s.SetVideo(participantId, url));

    public Task<Outcome<Done>> PublishToMap(string participantId, CafeListingRequest request) => Apply(participantId, s => s.PublishToMap(participantId, request));

    public Task<Outcome<Done>> UnpublishFromMap(string participantId) => Apply(participantId, s => s.UnpublishFromMap(participantId));

    public Task<Outcome<SessionReport>> GetReport(string? facilitatorKey) => Apply(null, s => s.Report(facilitatorKey));

    public Task<Outcome<Done>> SetReportPublic(string participantId, bool isPublic) => Apply(participantId, s => s.SetReportPublic(participantId, isPublic));

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

    /// <summary>
    /// Runs one command, synchronously, then answers once what it answers is durable: a command
    /// that changed anything (or that saw changes not yet written) waits for the next group write;
    /// one that saw only written state waits for any write in flight. <paramref name="atTake"/>
    /// recomputes the answer when its batch is taken, for answers (snapshots) that must match a seq.
    /// </summary>
    private async Task<Outcome<T>> Apply<T>(string? participantId, Func<Session, Outcome<T>> command, Func<Session, T, T>? atTake = null)
    {
        if (!Exists)
        {
            return Outcome<T>.Refuse(new Refusal(RefusalCodes.NotFound, "There is no such session."));
        }
        if (_broken)
        {
            return Outcome<T>.Refuse(StoreUnavailable);
        }
        try
        {
            return await Run(participantId, command, atTake);
        }
        catch (Exception) when (_broken)
        {
            // The write that held this command failed: memory was not trusted (the activation
            // reloads), so nothing of it stands. The caller may retry with the same opId.
            return Outcome<T>.Refuse(StoreUnavailable);
        }
    }

    private async Task<Outcome<T>> Run<T>(string? participantId, Func<Session, Outcome<T>> command, Func<Session, T, T>? atTake)
    {
        var operation = OperationLog.Current(participantId, _state);
        if (operation?.Replay<T>() is { } replayed)
        {
            await (_session.HasChanges ? _commits.Next() : _commits.Durable());
            return replayed;
        }
        var revision = _session.Revision;
        var outcome = command(_session);
        if (!outcome.IsRefused && _session.Revision != revision)
        {
            operation?.Record(_session, outcome);
        }
        if (!_session.HasChanges)
        {
            await _commits.Durable();
            return outcome;
        }
        if (atTake is null || outcome.IsRefused)
        {
            await _commits.Next();
            return outcome;
        }
        var taken = new TaskCompletionSource<Outcome<T>>();
        _atTake.Add(() =>
        {
            try
            {
                taken.SetResult(Outcome<T>.Ok(atTake(_session, outcome.Value!)));
            }
            catch (Exception ex)
            {
                taken.SetException(ex);
            }
        });
        await _commits.Next();
        return await taken.Task;
    }

    /// <summary>
    /// One group write: takes every change made since the last one as one batch, writes the state,
    /// then publishes the batch. A failed write breaks the activation: it refuses further commands
    /// and deactivates, so the next call reloads the last committed state instead of trusting memory.
    /// </summary>
    private async Task Commit()
    {
        if (_broken)
        {
            throw Broken();
        }
        var batch = _session.TakeChanges();
        ScheduleQuizClose();
        foreach (var answer in _atTake)
        {
            answer();
        }
        _atTake.Clear();
        if (!_session.TakeDirty() && batch is null)
        {
            return;
        }
        ReactionsWritten();
        var write = SessionDocument.Write(_state, _session.TakeStoredChanges());
        try
        {
            _version = await store.Commit(this.GetPrimaryKey(), _version, write);
        }
        catch (Exception ex)
        {
            _broken = true;
            LogWriteFailed(log, ex, this.GetPrimaryKey());
            DeactivateOnIdle();
            throw;
        }
        if (batch is null)
        {
            return;
        }
        if (batch.Deliveries.Any(d => d.Event is SessionStateChanged { State: SessionPhase.Ended }))
        {
            await grains.GetGrain<IRetentionGrain>(0).SessionEnded(this.GetPrimaryKey(), _state.EndedAt ?? clock.GetUtcNow());
        }
        // Only a listed café (or one just taken off the map) concerns the map: no listing grain per session start.
        if (batch.Deliveries.Any(d => d.Event is CafeListed || (d.Event is SessionStateChanged && _state.Listing is not null)))
        {
            await SyncMapListing();
        }
        var committed = batch with { CommittedAt = clock.GetUtcNow() };
        _subscribers.Publish(o => o.OnChanges(this.GetPrimaryKey(), committed), log, this.GetPrimaryKey());
        ReportToProgramme(batch);
        FeedOpinionMaps();
    }

    /// <summary>This café's own tallies of the programme polls this batch changed, to its programme's shard (one-way).</summary>
    private void ReportToProgramme(SessionChanges batch)
    {
        if (_state.ProgrammeId is not { } programme)
        {
            return;
        }
        foreach (var (programmePollId, tally) in _session.ProgrammeTallies(batch))
        {
            _ = grains.GetGrain<IProgrammeShardGrain>(ProgrammeShards.Key(programme, this.GetPrimaryKey())).Report(this.GetPrimaryKey(), programmePollId, tally, batch.Seq);
        }
    }

    public async Task<Outcome<Done>> JoinProgramme(string participantId, Guid programmeId, string? inviteKey)
    {
        if (!Exists || !_session.IsFacilitator(participantId))
        {
            return await Apply(participantId, s => s.JoinProgramme(participantId, programmeId));
        }
        return await grains.GetGrain<IProgrammeGrain>(programmeId).Enrol(this.GetPrimaryKey(), inviteKey)
            ? await Apply(participantId, s => s.JoinProgramme(participantId, programmeId))
            : Outcome<Done>.Refuse(new Refusal(RefusalCodes.Forbidden, "This is not the programme's invitation key."));
    }

    public Task<Outcome<PollCreated>> AddProgrammePoll(Guid programmeId, string programmePollId, CreatePollRequest request) =>
        Apply(null, s => s.AddProgrammePoll(programmeId, programmePollId, request));

    public Task<Guid?> GetProgrammeId() => Task.FromResult(Exists ? _state.ProgrammeId : null);

    /// <summary>The map shows the café as its session now is: listed or not, upcoming, live or past.</summary>
    private Task SyncMapListing()
    {
        var listing = grains.GetGrain<ICafeListingGrain>(this.GetPrimaryKey());
        return _session.Listing() is { } current ? listing.Publish(current) : listing.Unpublish();
    }

    private static InvalidOperationException Broken() => new("A write of this session failed; it reloads on the next call.");

    private static readonly Refusal StoreUnavailable = new(RefusalCodes.Unavailable,
        "Storage is unavailable: nothing was recorded. Try again in a moment.");

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing session {SessionId} failed; reloading it on next call")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex, Guid sessionId);
}
