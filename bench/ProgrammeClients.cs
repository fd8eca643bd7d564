using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// A participant of a programme café, as its page is: it learns which of its café's polls carries
/// each programme poll id from its join snapshot and from the "pollUpdated" events that follow
/// (the programme pushes its polls after the join). Even participants are on site, odd remote.
/// </summary>
public sealed class ProgrammeVoter(HubConnection client, int cafe, int participant, PhoneMessages messages)
{
    private readonly ConcurrentDictionary<string, string> _polls = new();
    private readonly ConcurrentDictionary<string, long> _learnedAt = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _received = new();

    public HubConnection Client => client;

    /// <summary>The café's position in the worker's plan.</summary>
    public int Cafe => cafe;

    /// <summary>The participant's position in its café.</summary>
    public int Participant => participant;

    public bool Onsite => participant % 2 == 0;

    public object JoinOptions => new { displayName = "P", mode = Onsite ? "onsite" : "remote" };

    /// <summary>Joins its café with <see cref="JoinOptions"/>; the snapshot's polls are remembered.</summary>
    public async Task Join(string joinCode)
    {
        client.On<JsonElement>(ScreenEvents.Changes, Saw);
        client.On<JsonElement>(ScreenEvents.Programme, _ => messages.National());
        var joined = await client.Call("JoinSession", joinCode, JoinOptions);
        Learn(joined.GetProperty("snapshot"));
    }

    /// <summary>The café's poll id for this programme poll, as received so far (null: not yet).</summary>
    public string? PollFor(string programmePollId) => _polls.GetValueOrDefault(programmePollId);

    /// <summary>When this programme poll first reached the participant (Stopwatch timestamp; null: not yet).</summary>
    public long? LearnedAt(string programmePollId) => _learnedAt.TryGetValue(programmePollId, out var at) ? at : null;

    /// <summary>Completes when this programme poll has reached the participant's screen (its join snapshot or a push).</summary>
    public Task Received(string programmePollId) => Arrival(programmePollId).Task;

    private TaskCompletionSource Arrival(string programmePollId) =>
        _received.GetOrAdd(programmePollId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Saw(JsonElement batch)
    {
        messages.Changes(carriesNational: batch.TryGetProperty("programme", out _));
        foreach (var e in batch.GetProperty("events").EnumerateArray())
        {
            if (e.GetProperty("type").GetString() == "pollUpdated")
            {
                Learn(e.GetProperty("poll"));
            }
        }
    }

    private void Learn(JsonElement snapshotOrPoll)
    {
        if (snapshotOrPoll.TryGetProperty("polls", out var polls))
        {
            foreach (var poll in polls.EnumerateArray())
            {
                Learn(poll);
            }
        }
        else if (snapshotOrPoll.TryGetProperty("programmePollId", out var programmePoll))
        {
            _polls[programmePoll.GetString()!] = snapshotOrPoll.GetProperty("id").GetString()!;
            _learnedAt.TryAdd(programmePoll.GetString()!, Stopwatch.GetTimestamp());
            Arrival(programmePoll.GetString()!).TrySetResult();
        }
    }
}

/// <summary>What a worker's phones received: change batches (how many carried the national tallies) and "programme" messages.</summary>
public sealed class PhoneMessages
{
    private long _changes;
    private long _carrying;
    private long _national;

    public void Changes(bool carriesNational)
    {
        Interlocked.Increment(ref _changes);
        if (carriesNational)
        {
            Interlocked.Increment(ref _carrying);
        }
    }

    public void National() => Interlocked.Increment(ref _national);

    public PhoneMessageCount Count() => new(Interlocked.Read(ref _changes), Interlocked.Read(ref _carrying), Interlocked.Read(ref _national));
}

/// <summary>Messages received by phones: change batches, those of them carrying the national tallies, national messages of their own.</summary>
public sealed record PhoneMessageCount(long Changes, long CarryingNational, long National)
{
    public static PhoneMessageCount operator -(PhoneMessageCount a, PhoneMessageCount b) =>
        new(a.Changes - b.Changes, a.CarryingNational - b.CarryingNational, a.National - b.National);

    public static PhoneMessageCount operator +(PhoneMessageCount a, PhoneMessageCount b) =>
        new(a.Changes + b.Changes, a.CarryingNational + b.CarryingNational, a.National + b.National);
}

/// <summary>
/// A screen following the national tally: it listens to the hub event "programme" (a
/// ProgrammeView) and to the views that participants' change batches carry ("programme" in a
/// "changes" batch), and records when each value of each programme poll's national voters first arrived.
/// </summary>
public sealed class NationalScreen
{
    private readonly ConcurrentDictionary<(string Poll, int Voters), long> _firstSeen = new();
    private volatile Expectation? _expected;

    public NationalScreen(HubConnection client)
    {
        client.On<JsonElement>(ScreenEvents.Programme, Saw);
        client.On<JsonElement>(ScreenEvents.Changes, batch =>
        {
            if (batch.TryGetProperty("programme", out var view))
            {
                Saw(view);
            }
        });
    }

    /// <summary>When the screen first showed this poll's national voters at this value, waiting up to the timeout for it.</summary>
    public async Task<long?> FirstShown(string programmePollId, int voters, TimeSpan timeout)
    {
        var expected = new Expectation(programmePollId, voters);
        _expected = expected;
        if (!_firstSeen.ContainsKey((programmePollId, voters)))
        {
            await Task.WhenAny(expected.Shown.Task, Task.Delay(timeout));
        }
        return _firstSeen.TryGetValue((programmePollId, voters), out var at) ? at : null;
    }

    /// <summary>How many distinct national voter counts of this poll the screen showed.</summary>
    public int DistinctValues(string programmePollId) => _firstSeen.Keys.Count(k => k.Poll == programmePollId);

    private void Saw(JsonElement view)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var poll in view.GetProperty("polls").EnumerateArray())
        {
            var shown = (Poll: poll.GetProperty("programmePollId").GetString()!, Voters: poll.GetProperty("national").GetProperty("voters").GetInt32());
            if (_firstSeen.TryAdd(shown, now) && _expected is { } expected && expected.Poll == shown.Poll && expected.Voters == shown.Voters)
            {
                expected.Shown.TrySetResult();
            }
        }
    }

    private sealed record Expectation(string Poll, int Voters)
    {
        public TaskCompletionSource Shown { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
