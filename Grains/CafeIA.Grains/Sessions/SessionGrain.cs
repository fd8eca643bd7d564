using CafeIA.Domain;
using CafeIA.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CafeIA.Grains.Sessions;

/// <summary>
/// The thin Orleans shell around <see cref="Session"/>: loads and writes its state, and publishes
/// each change batch to the subscribed gateways once the write that contains it has committed.
/// Not reentrant: commands of one session run one at a time, in order.
/// </summary>
public sealed partial class SessionGrain(
    [PersistentState("session", StorageNames.Cafe)] IPersistentState<SessionState> store,
    IGrainFactory grains,
    IOptions<SessionLimits> limits,
    TimeProvider clock,
    ILogger<SessionGrain> log) : Grain, ISessionGrain
{
    private const int JoinCodeAttempts = 20;
    private readonly Guid _activation = Guid.NewGuid();
    private Session _session = null!;
    private readonly SessionSubscribers _subscribers = new(clock);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _session = new Session(store.State, limits.Value, clock);
        _session.ResetPresence();
        return Task.CompletedTask;
    }

    public async Task<Outcome<SessionCreated>> Create(string? title, SessionLanguage language = SessionLanguage.Fr)
    {
        var id = this.GetPrimaryKey();
        if (store.State.Exists)
        {
            return Outcome<SessionCreated>.Refuse(new Refusal(RefusalCodes.Invalid, "This session already exists."));
        }
        var probe = Session.Create(new SessionState(), id, title, "PROBE0", limits.Value, clock.GetUtcNow(), language);
        if (probe.IsRefused)
        {
            return probe;
        }
        for (var attempt = 0; attempt < JoinCodeAttempts; attempt++)
        {
            var code = JoinCode.New();
            if (await grains.GetGrain<IJoinCodeGrain>(code).Claim(id))
            {
                var created = Session.Create(store.State, id, title, code, limits.Value, clock.GetUtcNow(), language);
                await store.WriteStateAsync();
                return created;
            }
        }
        throw new InvalidOperationException("No free join code found; the code space is nearly exhausted.");
    }

    public Task<SessionSummary?> GetSummary() =>
        Task.FromResult(store.State.Exists ? _session.Summary() : null);

    public Task<long> GetSeq() => Task.FromResult(store.State.Seq);

    public async Task<Outcome<JoinResult>> Join(JoinOptions options) => Counted(await Apply(null, s => s.Join(options)), CafeMetrics.Joins);

    public async Task Disconnected(string participantId)
    {
        if (store.State.Exists)
        {
            await Apply(null, s =>
            {
                s.Disconnected(participantId);
                return Outcome<Done>.Ok(Done.Instance);
            });
        }
    }

    public Task<Outcome<SessionSnapshot>> GetSnapshot(string participantId) => Apply(null, s => s.Snapshot(participantId));

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

    public Task<Outcome<Done>> ModerateAnswer(string participantId, AnswerRef answer, bool approve) => Apply(participantId, s => s.ModerateAnswer(participantId, answer, approve));

    public async Task<Outcome<Done>> Vote(string participantId, VoteRequest request) =>
        Counted(await Apply(participantId, s => s.Vote(participantId, request)), CafeMetrics.Ballots);

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

    public Task<Outcome<Done>> SetMuted(string participantId, string? targetParticipantId, bool muted) => Apply(participantId, s => s.SetMuted(participantId, targetParticipantId, muted));

    public Task<Outcome<ModeratorLinkView>> CreateModeratorLink(string participantId, string? facilitatorKey, string? label) =>
        Apply(participantId, s => s.CreateModeratorLink(participantId, facilitatorKey, label));

    public Task<Outcome<Done>> RevokeModeratorLink(string participantId, string? linkId) => Apply(participantId, s => s.RevokeModeratorLink(participantId, linkId));

    public Task<Outcome<Done>> SetHand(string participantId, bool raised) => Apply(participantId, s => s.SetHand(participantId, raised));

    public Task<Outcome<SpeakerCalled>> CallSpeaker(string participantId, string? targetParticipantId) => Apply(participantId, s => s.CallSpeaker(participantId, targetParticipantId));

    public Task<Outcome<Done>> EndSpeaking(string participantId) => Apply(participantId, s => s.EndSpeaking(participantId));

    public async Task<Outcome<Done>> Delete(string participantId)
    {
        if (!store.State.Exists)
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
        if (store.State is { Exists: true, Phase: SessionPhase.Ended })
        {
            await Erase();
        }
    }

    /// <summary>Removes every trace: the stored state, the join code; screens learn it and stop.</summary>
    private async Task Erase()
    {
        var (id, code, seq) = (this.GetPrimaryKey(), store.State.JoinCode, store.State.Seq);
        await store.ClearStateAsync();
        await grains.GetGrain<IJoinCodeGrain>(code).Release(id);
        _subscribers.Publish(id, new SessionChanges(seq + 1, [new Delivery(new SessionDeleted(), Audience.Everyone)], clock.GetUtcNow()), log);
        store.State = new SessionState();
        _session = new Session(store.State, limits.Value, clock);
        DeactivateOnIdle();
    }

    public Task<Outcome<Done>> SetVideo(string participantId, string? url) => Apply(participantId, s => s.SetVideo(participantId, url));

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
    /// Runs one command; if it changed anything, writes the state before answering, so an
    /// acknowledged command is durable, then publishes the batch. A failed write deactivates the
    /// grain so the next call reloads the last committed state instead of trusting memory.
    /// </summary>
    private async Task<Outcome<T>> Apply<T>(string? participantId, Func<Session, Outcome<T>> command)
    {
        if (!store.State.Exists)
        {
            return Outcome<T>.Refuse(new Refusal(RefusalCodes.NotFound, "There is no such session."));
        }
        var operation = OperationLog.Current(participantId, store.State);
        if (operation?.Replay<T>() is { } replayed)
        {
            return replayed;
        }
        var outcome = command(_session);
        if (!outcome.IsRefused && _session.HasChanges)
        {
            operation?.Record(outcome);
        }
        var batch = _session.TakeChanges();
        if (_session.TakeDirty() || batch is not null)
        {
            try
            {
                await store.WriteStateAsync();
            }
            catch (Exception ex)
            {
                LogWriteFailed(log, ex, this.GetPrimaryKey());
                DeactivateOnIdle();
                throw;
            }
        }
        if (batch?.Deliveries.Any(d => d.Event is SessionStateChanged { State: SessionPhase.Ended }) == true)
        {
            await grains.GetGrain<IRetentionGrain>(0).SessionEnded(this.GetPrimaryKey(), store.State.EndedAt ?? clock.GetUtcNow());
        }
        if (batch is not null)
        {
            _subscribers.Publish(this.GetPrimaryKey(), batch with { CommittedAt = clock.GetUtcNow() }, log);
        }
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing session {SessionId} failed; reloading it on next call")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex, Guid sessionId);
}
