using CafeIA.Gateway.Hubs;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Gateway.Fanout;

/// <summary>
/// One subscription per national programme that some session on this gateway belongs to. The
/// national updates (at most every <see cref="ProgrammeCadence.Publish"/>) go as the event
/// "programme" to the staff and projectors of those local sessions at most every
/// <see cref="FanoutOptions.ProgrammeScreensPeriod"/>. Their participants get each update with
/// their café's next batch (<see cref="INationalPhones"/>), or, when none went, on their slice's turn,
/// at most every <see cref="FanoutOptions.ProgrammePhonesPeriod"/>. The latest one always follows,
/// at once when the programme says its tallies have settled (<see cref="NationalPacer"/>). Each
/// update carries its edition, so one arriving after a newer one is dropped. The latest one is
/// kept for screens that join later.
/// </summary>
public sealed partial class ProgrammeFanout(IGrainFactory grains, IHubContext<CafeHub, ICafeScreen> hub, ILogger<ProgrammeFanout> log,
    Microsoft.Extensions.Options.IOptions<FanoutOptions> options, TimeProvider? clock = null)
{
    private static readonly Audience[] Screens = [Audience.Staff, Audience.Projector];
    private static readonly Audience[] Phones = [Audience.Participants];
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Programme> _programmes = [];
    private readonly Dictionary<Guid, Guid> _sessions = [];

    /// <summary>This local session belongs to the programme: its screens follow the national tallies, its participants through <paramref name="phones"/>.</summary>
    public async Task Attach(Guid programmeId, Guid sessionId, INationalPhones phones)
    {
        Programme programme;
        lock (_gate)
        {
            if (_sessions.TryGetValue(sessionId, out var current) && current == programmeId
                && _programmes[programmeId].Sessions.GetValueOrDefault(sessionId) == phones)
            {
                return;
            }
            _sessions[sessionId] = programmeId;
            if (!_programmes.TryGetValue(programmeId, out programme!))
            {
                var observer = new Observer(this, programmeId);
                programme = new Programme(observer, grains.CreateObjectReference<IProgrammeObserver>(observer), Audiences(options.Value, _clock));
                _programmes.Add(programmeId, programme);
            }
            // A session served again (its last screen left, another came) has a new forwarder.
            programme.Sessions[sessionId] = phones;
        }
        await Renew(programmeId, programme);
    }

    /// <summary>
    /// The gateway no longer serves this session through <paramref name="phones"/> (if it serves
    /// it again already, through another forwarder, that one stays).
    /// </summary>
    public void Detach(Guid sessionId, INationalPhones phones)
    {
        Programme? ended = null;
        Guid programmeId;
        lock (_gate)
        {
            if (!_sessions.TryGetValue(sessionId, out programmeId) || !_programmes.TryGetValue(programmeId, out var programme)
                || programme.Sessions.GetValueOrDefault(sessionId) != phones)
            {
                return;
            }
            _sessions.Remove(sessionId);
            programme.Sessions.Remove(sessionId);
            if (programme.Sessions.Count == 0)
            {
                _programmes.Remove(programmeId);
                ended = programme;
            }
        }
        if (ended is not null)
        {
            _ = End(programmeId, ended);
        }
    }

    /// <summary>The national tallies as last received, or as the programme gives them now.</summary>
    public async Task<ProgrammeView?> Current(Guid programmeId)
    {
        lock (_gate)
        {
            if (_programmes.TryGetValue(programmeId, out var programme) && programme.Latest is { } latest)
            {
                return latest;
            }
        }
        return await grains.GetGrain<IProgrammeGrain>(programmeId).GetView();
    }

    public async Task RenewAll(CancellationToken cancellationToken)
    {
        KeyValuePair<Guid, Programme>[] current;
        lock (_gate)
        {
            current = [.. _programmes];
        }
        foreach (var (programmeId, programme) in current)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Renew(programmeId, programme);
        }
    }

    private async Task Renew(Guid programmeId, Programme programme)
    {
        try
        {
            await grains.GetGrain<IProgrammeGrain>(programmeId).Subscribe(programme.Reference);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRenewFailed(log, ex, programmeId);
        }
    }

    private async Task Deliver(Guid programmeId, ProgrammeView view, ProgrammeEdition edition)
    {
        Guid[] sessions;
        TimeSpan?[] answers;
        PacedAudience[] audiences;
        lock (_gate)
        {
            if (!_programmes.TryGetValue(programmeId, out var programme) || !edition.IsNewerThan(programme.Edition))
            {
                return;
            }
            (programme.Latest, programme.Edition) = (view, edition);
            programme.Counts.Seen(view);
            foreach (var phones in programme.Sessions.Values)
            {
                phones.OfferNational(view);
            }
            sessions = [.. programme.Sessions.Keys];
            audiences = programme.Audiences;
            answers = [.. audiences.Select(a => a.Pacer.Offer())];
            for (var i = 0; i < audiences.Length; i++)
            {
                if (answers[i] == TimeSpan.Zero && audiences[i].IsPhones)
                {
                    audiences[i].TurnOf(programme.Sessions);
                }
            }
        }
        for (var i = 0; i < audiences.Length; i++)
        {
            if (answers[i] == TimeSpan.Zero && !audiences[i].IsPhones)
            {
                await Send(programmeId, audiences[i].Of(sessions), audiences[i].Groups, view);
            }
            else if (answers[i] is { } delay && delay > TimeSpan.Zero)
            {
                _ = SendAfter(programmeId, i, delay);
            }
        }
    }

    /// <summary>The tallies have settled: the latest update to every audience it was held back from, the staff and projectors first.</summary>
    private async Task Settle(Guid programmeId, ProgrammeView view, ProgrammeEdition edition)
    {
        Guid[] sessions;
        PacedAudience[] due;
        PacedAudience[] slices;
        Dictionary<Guid, INationalPhones> cafes;
        lock (_gate)
        {
            if (!_programmes.TryGetValue(programmeId, out var programme))
            {
                return;
            }
            // Settled on an update not received yet (messages can pass each other): it goes to everyone.
            var unseen = edition.IsNewerThan(programme.Edition);
            if (!unseen && edition != programme.Edition)
            {
                return;
            }
            (programme.Latest, programme.Edition, sessions) = (view, edition, [.. programme.Sessions.Keys]);
            if (unseen)
            {
                foreach (var cafe in programme.Sessions.Values)
                {
                    cafe.OfferNational(view);
                }
            }
            due = [.. programme.Audiences.Where(a => a.Pacer.Settled(unseen) && !a.IsPhones)];
            // The phones get it at once only if its counts moved since the last settled word: a poll
            // just pushed settles before its first ballots arrive, and its first view can wait for
            // the cafés' next batches or the phones' turn instead of going to every phone at once.
            slices = programme.Counts.Settled(view) ? [.. programme.Audiences.Where(a => a.IsPhones)] : [];
            cafes = new(programme.Sessions);
        }
        foreach (var audience in due)
        {
            await Send(programmeId, audience.Of(sessions), audience.Groups, view);
        }
        // Then the phones of every café that a batch has not brought it to.
        foreach (var slice in slices)
        {
            slice.TurnOf(cafes, settled: true);
        }
    }

    /// <summary>The latest update to one audience once its period has passed, unless the settled send has carried it already.</summary>
    private async Task SendAfter(Guid programmeId, int audience, TimeSpan delay)
    {
        Guid[] sessions;
        ProgrammeView? view;
        Audience[] groups;
        while (true)
        {
            await Task.Delay(delay, _clock);
            lock (_gate)
            {
                if (!_programmes.TryGetValue(programmeId, out var programme))
                {
                    return;
                }
                var paced = programme.Audiences[audience];
                if (paced.Pacer.Due() is not { } wait)
                {
                    return;
                }
                delay = wait;
                if (delay == TimeSpan.Zero)
                {
                    if (paced.IsPhones)
                    {
                        paced.TurnOf(programme.Sessions);
                        return;
                    }
                    (view, sessions, groups) = (programme.Latest, paced.Of(programme.Sessions.Keys), paced.Groups);
                    break;
                }
            }
        }
        if (view is not null)
        {
            await Send(programmeId, sessions, groups, view);
        }
    }

    private async Task Send(Guid programmeId, Guid[] sessions, Audience[] audiences, ProgrammeView view)
    {
        if (sessions.Length == 0)
        {
            return;
        }
        try
        {
            await hub.Clients.Groups([.. sessions.SelectMany(s => audiences.Select(a => SessionFanout.GroupName(s, a)))]).Programme(view, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogSendFailed(log, ex, programmeId);
        }
    }

    private async Task End(Guid programmeId, Programme programme)
    {
        try
        {
            await grains.GetGrain<IProgrammeGrain>(programmeId).Unsubscribe(programme.Reference);
        }
        catch (Exception ex)
        {
            LogRenewFailed(log, ex, programmeId);
        }
        finally
        {
            grains.DeleteObjectReference<IProgrammeObserver>(programme.Reference);
        }
    }

    /// <summary>
    /// The staff and projectors of every café, then the phones in <see cref="FanoutOptions.ProgrammePhonesSlices"/>
    /// slices of cafés whose turns spread over the period: during a vote a slice's turn comes every
    /// period / slices, so the gateway writes to a tenth of the phones at a time, not all at once.
    /// A slice's first turn after a quiet moment waits a period and its phase (5.5 s, 6 s...): by
    /// then most cafés' own news (their first ballots after a push) has carried the update.
    /// </summary>
    private static PacedAudience[] Audiences(FanoutOptions options, TimeProvider clock)
    {
        var slices = Math.Max(1, options.ProgrammePhonesSlices);
        var screens = new PacedAudience(Screens, new NationalPacer(options.ProgrammeScreensPeriod, clock), 0, 1);
        return [screens, .. Enumerable.Range(0, slices).Select(i => new PacedAudience(Phones,
            new NationalPacer(options.ProgrammePhonesPeriod, clock, options.ProgrammePhonesPeriod * (i + 1) / slices, waitsForPhase: true), i, slices))];
    }

    /// <summary>Some of a programme's cafés' screens (slice <paramref name="Slice"/> of <paramref name="Slices"/>) and when the national update next goes to them.</summary>
    private sealed record PacedAudience(Audience[] Groups, NationalPacer Pacer, int Slice, int Slices)
    {
        /// <summary>The participants: reached through each café's forwarder (<see cref="INationalPhones"/>), not by this class's sends.</summary>
        public bool IsPhones => Groups.SequenceEqual(Phones);

        public Guid[] Of(IEnumerable<Guid> sessions) => [.. sessions.Where(In)];

        /// <summary>The slice's turn: the phones of its cafés get the latest update, unless a batch carried one since (<see cref="INationalPhones.SendNational"/>).</summary>
        public void TurnOf(Dictionary<Guid, INationalPhones> sessions, bool settled = false)
        {
            foreach (var (sessionId, phones) in sessions)
            {
                if (In(sessionId))
                {
                    phones.SendNational(settled);
                }
            }
        }

        private bool In(Guid sessionId) => Slices == 1 || (int)((uint)sessionId.GetHashCode() % (uint)Slices) == Slice;
    }

    private sealed class Programme(Observer observer, IProgrammeObserver reference, PacedAudience[] audiences)
    {
        /// <summary>Orleans holds observer objects weakly: this keeps it alive.</summary>
        public Observer Observer { get; } = observer;
        public IProgrammeObserver Reference { get; } = reference;
        /// <summary>The local sessions in the programme, each with the way to its participants.</summary>
        public Dictionary<Guid, INationalPhones> Sessions { get; } = [];
        public ProgrammeView? Latest { get; set; }
        public ProgrammeEdition? Edition { get; set; }
        /// <summary>The counts of the last settled word: whether the next one goes to the phones at once.</summary>
        public SettledCounts Counts { get; } = new();
        /// <summary>The staff and projectors, then the phones' slices.</summary>
        public PacedAudience[] Audiences { get; } = audiences;
    }

    private sealed class Observer(ProgrammeFanout fanout, Guid programmeId) : IProgrammeObserver
    {
        public Task OnProgramme(ProgrammeView programme, ProgrammeEdition edition)
        {
            _ = fanout.Deliver(programmeId, programme, edition);
            return Task.CompletedTask;
        }

        public Task OnSettled(ProgrammeView programme, ProgrammeEdition edition)
        {
            _ = fanout.Settle(programmeId, programme, edition);
            return Task.CompletedTask;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription to programme {ProgrammeId} failed")]
    private static partial void LogRenewFailed(ILogger logger, Exception ex, Guid programmeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending programme {ProgrammeId}'s national tallies to its screens failed")]
    private static partial void LogSendFailed(ILogger logger, Exception ex, Guid programmeId);
}
