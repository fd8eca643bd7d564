using Microsoft.AspNetCore.SignalR.Client;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Security;

/// <summary>
/// Ten thousand generated hostile invocations: each is refused with a stable code, the server
/// keeps serving an honest client meanwhile, and the session's state does not move.
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private static readonly string[] StableCodes = ["invalid", "forbidden", "not-found", "closed", "not-live", "muted", "rate-limited"];
    private static readonly string[] Methods =
    [
        "JoinSession", "GetSnapshot", "AskQuestion", "Upvote", "RemoveUpvote", "WithdrawQuestion", "Vote", "RaiseHand",
        "CreatePoll", "OpenPoll", "ApproveQuestion", "MergeQuestions", "MuteParticipant", "SetVideo", "DeleteSession",
    ];
    private readonly TempDirectory _data = new();
    private GatewayHost _host = null!;

    public async Task InitializeAsync() =>
        // The call-rate limits would answer most of the flood with rate-limited (a stable code
        // too): lift them here to reach every other refusal path.
        _host = await GatewayHost.StartEmbedded(_data.Path, "--Limits:CallBurstPerConnection=1000000", "--Limits:CallsPerSecondPerConnection=1000000");

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Ten_thousand_hostile_invocations_are_refused_with_stable_codes_and_change_nothing()
    {
        var created = await CafeClient.CreateSession(_host.BaseAddress, "Fuzz");
        await using var facilitator = await CafeClient.Join(_host.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("?", PollKind.Single, ["a", "b"]))).PollId;
        await facilitator.Invoke("OpenPoll", new PollRef(poll));
        await using var honest = await CafeClient.Join(_host.BaseAddress, created.JoinCode, new JoinOptions("Honnête"));
        var before = await facilitator.Snapshot();

        var fuzzers = new List<RawHubClient>();
        for (var i = 0; i < 4; i++)
        {
            var fuzzer = await RawHubClient.Connect(_host.BaseAddress);
            Assert.Null(await fuzzer.Invoke("JoinSession", $"[\"{created.JoinCode}\",{{\"displayName\":\"Fuzz{i}\"}}]"));
            fuzzers.Add(fuzzer);
        }
        var afterJoins = await facilitator.Snapshot();
        var codes = new Dictionary<string, int>();
        var honestAnswers = 0;
        using var stopHonest = new CancellationTokenSource();
        var honestLoop = Task.Run(async () =>
        {
            while (!stopHonest.IsCancellationRequested)
            {
                await honest.Snapshot();
                Interlocked.Increment(ref honestAnswers);
            }
        });

        await Task.WhenAll(fuzzers.Select((fuzzer, f) => Task.Run(async () =>
        {
            var random = new Random(1000 + f);
            for (var n = 0; n < 2500; n++)
            {
                var (method, args) = Hostile(random, poll);
                var code = await fuzzer.Invoke(method, args) is { } refused ? Stable(refused) : "accepted";
                lock (codes)
                {
                    codes[code] = codes.GetValueOrDefault(code) + 1;
                }
            }
        })));
        stopHonest.Cancel();
        await honestLoop;

        Assert.Equal(10_000, codes.Values.Sum());
        Assert.All(codes.Keys, code => Assert.Contains(code, StableCodes));
        Assert.True(honestAnswers > 10, $"the honest client got {honestAnswers} answers during the flood");
        var after = await facilitator.Snapshot();
        Assert.Equal(afterJoins.Seq, after.Seq);
        Assert.Equal(ClientState.Digest(before), ClientState.Digest(after));
        // Still serving: the honest client asks, everyone sees it.
        var asked = await honest.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Toujours là ?"));
        await facilitator.WaitFor<QuestionAsked>(e => e.Question.Id == asked.QuestionId);
        foreach (var fuzzer in fuzzers)
        {
            Assert.Equal(System.Net.WebSockets.WebSocketState.Open, fuzzer.State);
            await fuzzer.DisposeAsync();
        }
        Console.WriteLine($"[fuzz] refusals by code: {string.Join(", ", codes.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}");
    }

    [Fact]
    public async Task Oversize_and_malformed_frames_close_only_the_offending_connection()
    {
        var created = await CafeClient.CreateSession(_host.BaseAddress, "Gros messages");
        await using var honest = await CafeClient.Join(_host.BaseAddress, created.JoinCode, new JoinOptions("Honnête"));
        await using var attacker = await CafeClient.Join(_host.BaseAddress, created.JoinCode, new JoinOptions("Attaquant"));
        var closed = new TaskCompletionSource<Exception?>();
        attacker.Hub.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        await Assert.ThrowsAnyAsync<Exception>(() => attacker.Hub.Call("AskQuestion", new AskQuestionRequest(new string('x', 64 * 1024))));
        var reason = await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.NotNull(reason);
        Console.WriteLine($"[fuzz] oversize frame: {reason.Message}");
        Assert.Equal(created.JoinCode, (await honest.Snapshot()).JoinCode);
    }

    /// <summary>A refusal's code; a call that failed instead is not stable.</summary>
    private static string Stable(string refused) => refused.StartsWith("error: ", StringComparison.Ordinal) ? $"unstable: {refused}" : refused;

    /// <summary>One hostile invocation (target, raw JSON arguments): unknown methods, wrong arity and types, hostile strings, huge or deep data.</summary>
    private static (string, string) Hostile(Random random, string poll)
    {
        var method = Methods[random.Next(Methods.Length)];
        return random.Next(11) switch
        {
            0 => ($"Unknown{random.Next()}", $"[{Junk(random)}]"),
            1 => (method, $"[{Junk(random)},{Junk(random)},{Junk(random)}]"),
            2 => (method, $"[{random.Next()},\"text\",true]"),
            3 => ("AskQuestion", $"[{{\"text\":{HostileText(random)}}}]"),
            4 => ("Vote", $"[{{\"pollId\":\"{poll}\",\"choices\":[{string.Join(',', Enumerable.Range(0, random.Next(3, 2000)))}]}}]"),
            5 => ("AskQuestion", $"[{Deep(random.Next(70, 400))}]"),
            6 => ("Upvote", $"[{{\"questionId\":\"{new string('q', random.Next(1, 5000))}\"}}]"),
            7 => ("CreatePoll", "[{\"question\":\"Pirate ?\",\"kind\":\"single\",\"options\":[\"a\",\"b\"]}]"),
            8 => ("Vote", $"[{{\"pollId\":\"{poll}\",\"words\":[{HostileText(random)}],\"rating\":{-random.Next()}}}]"),
            9 => ("AskQuestion", "[{\"text\":\"ok\",\"anonymous\":\"pas un booléen\"}]"),
            _ => ("JoinSession", $"[\"{new string('Z', random.Next(1, 200))}\",{Junk(random)}]"),
        };
    }

    private static string Junk(Random random) => random.Next(6) switch
    {
        0 => "null",
        1 => random.NextDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => "[1,2,3]",
        3 => HostileText(random),
        4 => "{\"unexpected\":true}",
        _ => Deep(random.Next(1, 200)),
    };

    /// <summary>A JSON string literal: lone or reversed surrogates, control characters, oversize text.</summary>
    private static string HostileText(Random random) => random.Next(6) switch
    {
        0 => "\"\\ud800 lone surrogate\"",
        1 => "\"bell \\u0007 and nul \\u0000\"",
        2 => $"\"{new string('A', random.Next(501, 4000))}\"",
        3 => "\"\\u001b[2J escape\"",
        4 => "\"\\udfff\\ud800 reversed\"",
        _ => "\"\"",
    };

    /// <summary>JSON nested deeper than the protocol reader's limit of 64.</summary>
    private static string Deep(int depth) => new string('[', depth) + new string(']', depth);
}
