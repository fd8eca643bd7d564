using CafeIA.Grains.Abstractions;
using CafeIA.Storage;
using CafeIA.Domain;
using CafeIA.Wire;
using Microsoft.Extensions.Logging;

namespace CafeIA.Grains.Sessions;

/// <summary>
/// The commit path: a command applies synchronously, awaits the group write that holds it, and the
/// write publishes its batch; consequences in other grains follow one-way.
/// </summary>
public sealed partial class SessionGrain
{
    /// <summary>
    /// Runs one command, synchronously, then answers once what it answers is durable: a command
    /// that changed anything (or that saw changes not yet written) waits for the next group write;
    /// one that saw only written state waits for any write in flight. <paramref name="atTake"/>
    /// recomputes the answer when its batch is taken, for answers (snapshots) that must match a seq.
    /// </summary>
    private Task<Outcome<T>> Apply<T>(string? participantId, Func<Session, Outcome<T>> command, Func<Session, T, T>? atTake = null) =>
        Guarded(() => Run(participantId, command, atTake));

    /// <summary>Refuses when there is no session or its store is broken; otherwise runs the command, refused if the write that held it failed.</summary>
    private async Task<Outcome<T>> Guarded<T>(Func<Task<Outcome<T>>> run)
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
            return await run();
        }
        catch (Exception) when (_broken)
        {
            // The write that held this command failed: memory was not trusted (the activation
            // reloads), so nothing of it stands. The caller may retry with the same opId.
            return Outcome<T>.Refuse(StoreUnavailable);
        }
    }

    /// <summary>
    /// Runs a command whose answer is made from the session as it stands when the batch holding the
    /// command is taken (a join's snapshot: it must carry that batch's seq and all of it), or at
    /// once if the command changed nothing; <paramref name="answer"/> makes it, once (or refuses,
    /// if what the command did no longer stands then). Not for
    /// commands with an operation id (nothing here is replayed).
    /// </summary>
    private Task<Outcome<T>> AnswerAtTake<TCommand, T>(Func<Session, Outcome<TCommand>> command, Func<Session, TCommand, Outcome<T>> answer) =>
        Guarded(async () =>
        {
            var outcome = command(_session);
            if (outcome.Value is not { } value)
            {
                await (_session.HasChanges ? _commits.Next() : _commits.Durable());
                return Outcome<T>.Refuse(outcome.Refusal!);
            }
            if (!_session.HasChanges)
            {
                // Made before waiting: what it shows is written, or in the write being awaited.
                var now = answer(_session, value);
                await _commits.Durable();
                return now;
            }
            return await WhenTaken(() => answer(_session, value));
        });

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
        return await WhenTaken(() => Outcome<T>.Ok(atTake(_session, outcome.Value!)));
    }

    /// <summary>Makes the answer when the next group write takes its batch, and returns it once that write has committed.</summary>
    private async Task<Outcome<T>> WhenTaken<T>(Func<Outcome<T>> answer)
    {
        var taken = new TaskCompletionSource<Outcome<T>>();
        _atTake.Add(() =>
        {
            try
            {
                taken.SetResult(answer());
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
    /// One group write: takes every change made since the last one (<see cref="Session.TakeCommit"/>),
    /// writes it, then publishes its batch at once; what other grains must learn of it follows
    /// one-way (<see cref="FollowUp"/>), so their failure never fails a stored change or holds
    /// back its seq. A failed write breaks the activation: it refuses further commands and
    /// deactivates, so the next call reloads the last committed state instead of trusting memory.
    /// </summary>
    private async Task Commit()
    {
        if (_broken)
        {
            throw Broken();
        }
        var commit = _session.TakeCommit();
        ScheduleQuizClose();
        foreach (var answer in _atTake)
        {
            answer();
        }
        _atTake.Clear();
        if (commit is null)
        {
            return;
        }
        ReactionsWritten();
        var write = SessionDocument.Write(_state, commit.Rows);
        // The group write's span is a child of the call that scheduled it (the first of its batch).
        using (var span = CafeTracing.Source.StartActivity(CafeTracing.StorageWrite))
        {
            span?.SetTag(CafeTracing.SessionTag, this.GetPrimaryKey()).SetTag(CafeTracing.RowsTag, commit.Rows.Participants.Count + commit.Rows.Ballots.Count + (commit.Rows.OpinionVoters?.Count ?? 0));
            try
            {
                _version = await store.Commit(this.GetPrimaryKey(), _version, write);
                span?.SetTag(CafeTracing.SeqTag, commit.Batch?.Seq);
            }
            catch (Exception ex)
            {
                span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
                Broke(ex);
                throw;
            }
        }
        if (commit.Batch is not { } batch)
        {
            return;
        }
        var committed = batch with { CommittedAt = clock.GetUtcNow() };
        _subscribers.Publish(o => o.OnChanges(this.GetPrimaryKey(), committed), log, this.GetPrimaryKey());
        ReportToProgramme(batch);
        FeedOpinionMaps();
        OfferToPools();
        FollowUp(batch);
    }

    private void Broke(Exception ex)
    {
        _broken = true;
        LogWriteFailed(log, ex, this.GetPrimaryKey());
        DeactivateOnIdle();
    }

    /// <summary>What other grains learn of a published batch, one-way: the retention schedule, the map.</summary>
    private void FollowUp(SessionChanges batch)
    {
        if (batch.Deliveries.Any(d => d.Event is SessionStateChanged { State: SessionPhase.Ended }))
        {
            _retention ??= new OneWayEffect("Scheduling retention", () =>
                grains.GetGrain<IRetentionGrain>(0).SessionEnded(this.GetPrimaryKey(), _state.EndedAt ?? clock.GetUtcNow()), log, this.GetPrimaryKey());
            _retention.Request();
        }
        // Only a listed café (or one just taken off the map) concerns the map: no listing grain per session start.
        if (batch.Deliveries.Any(d => d.Event is CafeListed || (d.Event is SessionStateChanged && _state.Listing is not null)))
        {
            _mapListing ??= new OneWayEffect("Updating the map", SyncMapListing, log, this.GetPrimaryKey());
            _mapListing.Request();
        }
    }

    private OneWayEffect? _retention;
    private OneWayEffect? _mapListing;

    /// <summary>The map shows the café as its session now is (read when the effect runs): listed or not, upcoming, live or past.</summary>
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
