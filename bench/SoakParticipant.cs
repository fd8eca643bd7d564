using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CafeIA.Bench;

/// <summary>
/// One participant of a soak café, as a phone behaves over an evening: it joins, then every few
/// seconds upvotes, answers the open poll, asks, reads, reconnects (a network change) or leaves for
/// a while (a locked phone) and comes back with its resume token; while its café is unwatched it
/// stays away. Every mutating call carries an opId and is retried with it over a new connection
/// when its answer does not come, as the pages do; a call with no answer after every retry is
/// recorded as uncertain, a refusal as a failure (except a ballot for a poll that just closed).
/// </summary>
public sealed class SoakParticipant(SoakCafe cafe, int index)
{
    private static readonly TimeSpan CallPatience = TimeSpan.FromSeconds(20);
    private readonly Random _random = new(index * 7919 + cafe.Number);
    private HubConnection? _connection;
    private string? _resumeToken;
    private int _operations;

    public string ParticipantId { get; private set; } = "";

    public async Task Live(SoakCounters counters, CancellationToken end)
    {
        try
        {
            await Connect(counters);
            counters.Count(SoakAction.Join);
            while (!end.IsCancellationRequested)
            {
                await Pause(TimeSpan.FromSeconds(4 + _random.NextDouble() * 12), end);
                if (end.IsCancellationRequested)
                {
                    break;
                }
                if (cafe.Unwatched)
                {
                    await Disconnect();
                    await cafe.Watched(end);
                    await Connect(counters);
                    continue;
                }
                await Act(counters, end);
            }
        }
        catch (OperationCanceledException) when (end.IsCancellationRequested)
        {
        }
        finally
        {
            await Disconnect();
        }
    }

    private async Task Act(SoakCounters counters, CancellationToken end)
    {
        var roll = _random.NextDouble();
        if (roll < 0.35 && cafe.Ledger.QuestionToUpvote(ParticipantId, _random) is { } question)
        {
            await Mutate(counters, SoakAction.Upvote, question, "Upvote", new { questionId = question }, _ => cafe.Ledger.Upvoted(question, ParticipantId));
        }
        else if (roll < 0.65 && cafe.OpenPoll is { } poll && !cafe.Ledger.HasVoted(poll, ParticipantId))
        {
            await Mutate(counters, SoakAction.Vote, poll, "Vote", new { pollId = poll, choices = new[] { _random.Next(3) } }, _ => cafe.Ledger.Voted(poll, ParticipantId));
        }
        else if (roll < 0.72)
        {
            var text = $"{SoakCafe.Questions[_random.Next(SoakCafe.Questions.Length)]} ({cafe.Number}.{index}.{_operations})";
            await Mutate(counters, SoakAction.Ask, null, "AskQuestion", new { text }, result => cafe.Ledger.Asked(result.GetProperty("questionId").GetString()!, text));
        }
        else if (roll < 0.85)
        {
            await Disconnect();
            await Connect(counters);
            counters.Count(SoakAction.Reconnect);
        }
        else if (roll < 0.90)
        {
            await Disconnect();
            await Pause(TimeSpan.FromSeconds(5 + _random.NextDouble() * 15), end);
            counters.Count(SoakAction.Leave);
            if (!cafe.Unwatched)
            {
                // While the café is unwatched the phone stays away: Live brings it back with the others.
                await Connect(counters);
            }
        }
        else
        {
            await _connection!.Call("GetSnapshot").WaitAsync(CallPatience, end);
            counters.Count(SoakAction.Read);
        }
    }

    private async Task Mutate(SoakCounters counters, SoakAction action, string? target, string method, object payload, Action<JsonElement> acknowledged)
    {
        var opId = $"soak-{cafe.Number}-{index}-{++_operations}";
        var body = JsonSerializer.SerializeToElement(payload);
        var withOpId = JsonSerializer.SerializeToNode(body)!.AsObject();
        withOpId["opId"] = opId;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                acknowledged(await _connection!.Call(method, withOpId).WaitAsync(CallPatience));
                counters.Count(action);
                return;
            }
            catch (RefusedCallException refused) when (action == SoakAction.Vote && refused.Code == "closed")
            {
                counters.Count(SoakAction.LateBallot);
                return;
            }
            catch (RefusedCallException refused)
            {
                counters.Refused(method, refused.Code);
                return;
            }
            catch (Exception) when (attempt < 2)
            {
                await Disconnect();
                await Connect(counters);
            }
            catch (Exception)
            {
                cafe.Ledger.Uncertain(target);
                counters.Count(SoakAction.Unanswered);
            }
        }
    }

    private async Task Connect(SoakCounters counters)
    {
        for (var attempt = 0; ; attempt++)
        {
            var connection = HubClients.Build(cafe.Hub);
            connection.On<JsonElement>(CafeIA.Wire.ScreenEvents.Changes, _ => { });
            try
            {
                await connection.StartAsync().WaitAsync(CallPatience);
                var joined = await connection.Call("JoinSession", cafe.Session.JoinCode,
                    new { displayName = $"P{index}", mode = index % 2 == 0 ? "onsite" : "remote", resumeToken = _resumeToken }).WaitAsync(CallPatience);
                _resumeToken = joined.GetProperty("resumeToken").GetString();
                var id = joined.GetProperty("participantId").GetString()!;
                if (ParticipantId.Length > 0 && id != ParticipantId)
                {
                    counters.Refused("JoinSession", "resumed as someone else");
                }
                ParticipantId = id;
                _connection = connection;
                return;
            }
            catch (Exception) when (attempt < 4)
            {
                counters.Count(SoakAction.Rejoin);
                await connection.DisposeAsync();
            }
        }
    }

    private async Task Disconnect()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// Waits this long, or less: until the run ends or the café's screens must close; not at all
    /// while the café is unwatched, so that no phone touches its session then (a phone that was
    /// connecting when the screens closed leaves at once instead of after its pause).
    /// </summary>
    private async Task Pause(TimeSpan delay, CancellationToken end)
    {
        if (cafe.Unwatched)
        {
            return;
        }
        try
        {
            var waiting = Task.Delay(delay, end);
            await (cafe.Leaving.IsCompleted ? waiting : Task.WhenAny(waiting, cafe.Leaving));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
