using System.Net;
using System.Net.Http.Json;
using CafeIA.Grains.Abstractions;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CafeIA.Integration.Tests.Security;

/// <summary>Secrets stay out of logs and storage, client addresses are not kept, data can be deleted.</summary>
public sealed class DataProtectionTests
{
    [Fact]
    public async Task No_key_token_or_client_address_appears_in_logs_or_storage()
    {
        using var data = new TempDirectory();
        var logs = new LogCapture();
        SessionCreated created;
        string token;
        await using (var host = await GatewayHost.Start(b => b.Logging.AddProvider(logs),
        [
            $"--Storage:DataDirectory={data.Path}",
            $"--Cluster:SiloPort={Ports.Free()}",
            $"--Cluster:GatewayPort={Ports.Free()}",
            // Everything ASP.NET Core and SignalR would say, including message-level tracing.
            "--Logging:LogLevel:Default=Debug",
            "--Logging:LogLevel:Microsoft.AspNetCore=Trace",
            "--Logging:LogLevel:Orleans=Information",
        ]))
        {
            created = await CafeClient.CreateSession(host.BaseAddress, "Secrets");
            await using var facilitator = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
            await using var moderator = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions(Key: created.ModeratorKey));
            await using var alice = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions("Alice"));
            token = alice.Joined.ResumeToken;
            await using var again = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions(ResumeToken: token));
            await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Mes données ?"));
            using var http = host.Http();
            await http.GetAsync($"/api/sessions/{created.JoinCode}/qr.svg");
        }

        var text = logs.Text;
        Assert.True(text.Length > 1000, "the capture saw the run");
        foreach (var secret in new[] { created.FacilitatorKey, created.ModeratorKey, created.ProjectorKey, token, token.Split('.')[1] })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
        var stored = string.Join("\n", Directory.GetFiles(data.Path).Select(f => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(f))));
        Assert.Contains("Mes donn", stored, StringComparison.Ordinal); // the stored JSON escapes non-ASCII letters
        foreach (var secret in new[] { created.FacilitatorKey, created.ModeratorKey, token.Split('.')[1] })
        {
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("127.0.0.1", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_facilitator_deletes_the_session_and_every_screen_is_told()
    {
        using var data = new TempDirectory();
        await using var host = await GatewayHost.StartEmbedded(data.Path);
        var created = await CafeClient.CreateSession(host.BaseAddress, "À effacer");
        await using var facilitator = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await using var alice = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions("Alice"));
        await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Trace ?"));
        Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() => alice.Invoke("DeleteSession")));

        await facilitator.Invoke("DeleteSession");

        await alice.WaitFor<SessionDeleted>(_ => true);
        using var http = host.Http();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/sessions/{created.JoinCode}")).StatusCode);
        Assert.Equal(RefusalCodes.NotFound, await CafeClient.RefusalCode(() => alice.Invoke("AskQuestion", new AskQuestionRequest("Encore ?"))));
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        Assert.Null(await grains.GetGrain<IJoinCodeGrain>(created.JoinCode).GetSessionId());

        // The gateway remembered the code from the joins above: a newcomer is still told no session has it.
        await using var late = await CafeClient.Connect(host.BaseAddress);
        Assert.Equal(RefusalCodes.NotFound, await CafeClient.RefusalCode(() => late.Hub.Call<JoinResult>("JoinSession", created.JoinCode, new JoinOptions("Bob"))));
    }

    [Fact]
    public async Task Ended_sessions_are_purged_once_their_retention_is_over()
    {
        using var data = new TempDirectory();
        await using var host = await GatewayHost.StartEmbedded(data.Path, "--Limits:EndedSessionRetention=1.00:00:00");
        var created = await CafeClient.CreateSession(host.BaseAddress, "Fin");
        var kept = await CafeClient.CreateSession(host.BaseAddress, "En cours");
        await using (var facilitator = await CafeClient.Join(host.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey)))
        {
            await facilitator.Invoke("StartSession");
            await facilitator.Invoke("EndSession");
        }
        var retention = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IRetentionGrain>(0);
        Assert.Equal(0, await retention.Sweep(DateTimeOffset.UtcNow.AddHours(23)));
        using var http = host.Http();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/sessions/{created.JoinCode}")).StatusCode);

        Assert.Equal(1, await retention.Sweep(DateTimeOffset.UtcNow.AddDays(1).AddMinutes(1)));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/sessions/{created.JoinCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/sessions/{kept.JoinCode}")).StatusCode);
    }

    [Fact]
    public async Task Drafts_never_started_are_purged_after_their_retention_unless_listed_for_later()
    {
        using var data = new TempDirectory();
        await using var host = await GatewayHost.StartEmbedded(data.Path, "--Limits:DraftRetention=2.00:00:00");
        var abandoned = await CafeClient.CreateSession(host.BaseAddress, "Brouillon oublié");
        var started = await CafeClient.CreateSession(host.BaseAddress, "Lancée");
        var listed = await CafeClient.CreateSession(host.BaseAddress, "Café annoncé");
        var startsAt = DateTimeOffset.UtcNow.AddDays(10);
        await using (var facilitator = await CafeClient.Join(host.BaseAddress, started.JoinCode, new JoinOptions(Key: started.FacilitatorKey)))
        {
            await facilitator.Invoke("StartSession");
        }
        await using (var facilitator = await CafeClient.Join(host.BaseAddress, listed.JoinCode, new JoinOptions(Key: listed.FacilitatorKey)))
        {
            await facilitator.Invoke("PublishCafe", new CafeListingRequest("Médiathèque", startsAt));
        }
        var retention = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IRetentionGrain>(0);
        using var http = host.Http();
        async Task<HttpStatusCode> Status(SessionCreated s) => (await http.GetAsync($"/api/sessions/{s.JoinCode}")).StatusCode;

        Assert.Equal(0, await retention.Sweep(DateTimeOffset.UtcNow.AddDays(1)));
        Assert.Equal(HttpStatusCode.OK, await Status(abandoned));

        Assert.Equal(1, await retention.Sweep(DateTimeOffset.UtcNow.AddDays(2).AddMinutes(1)));
        Assert.Equal(HttpStatusCode.NotFound, await Status(abandoned));
        Assert.Equal(HttpStatusCode.OK, await Status(started));
        Assert.Equal(HttpStatusCode.OK, await Status(listed));

        // Its date passed two days ago and it never started: now it goes.
        Assert.Equal(1, await retention.Sweep(startsAt.AddDays(2).AddMinutes(1)));
        Assert.Equal(HttpStatusCode.NotFound, await Status(listed));
        Assert.Equal(HttpStatusCode.OK, await Status(started));
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_foreign_origins_cannot_open_the_hub()
    {
        using var data = new TempDirectory();
        await using var host = await GatewayHost.StartEmbedded(data.Path, "--Gateway:AllowedOrigins:0=https://cafe.example.org");
        using var http = host.Http();
        var page = await http.GetAsync("/join/ABC234");
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        async Task<HttpStatusCode> Negotiate(string? origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/cafe/negotiate?negotiateVersion=1");
            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }
            return (await http.SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.Forbidden, await Negotiate("https://evil.example"));
        Assert.Equal(HttpStatusCode.OK, await Negotiate(host.BaseAddress.GetLeftPart(UriPartial.Authority)));
        Assert.Equal(HttpStatusCode.OK, await Negotiate("https://cafe.example.org"));
        Assert.Equal(HttpStatusCode.OK, await Negotiate(null));
        var refused = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/sessions/ZZZZZZ").ContinueWith(t => t.IsFaulted);
        Assert.True(refused);
    }

    /// <summary>Every log line of the host, as text.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private readonly System.Text.StringBuilder _text = new();

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (capture._text)
                {
                    capture._text.Append(category).Append(": ").AppendLine(formatter(state, exception)).AppendLine(exception?.ToString());
                }
            }
        }
    }
}
