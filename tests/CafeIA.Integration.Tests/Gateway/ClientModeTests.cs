using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Silo;
using CafeIA.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Orleans.Runtime;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>Gateway:Mode=Client: the gateway is a pure Orleans client of a separate silo host.</summary>
public sealed class ClientModeTests
{
    private static Uri AddressOf(Microsoft.AspNetCore.Builder.WebApplication app) =>
        new(app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.GetRequiredFeature<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>().Addresses.First());

    [Fact]
    public async Task A_client_gateway_serves_a_session_whose_grains_run_in_the_separate_silo()
    {
        using var data = new TempDirectory();
        var (siloPort, gatewayPort) = (Ports.Free(), Ports.Free());
        await using var silo = SiloApplication.Build([
            $"--Storage:DataDirectory={data.Path}",
            $"--Cluster:SiloPort={siloPort}",
            $"--Cluster:GatewayPort={gatewayPort}",
            "--Logging:LogLevel:Default=Warning",
            "--urls=http://127.0.0.1:0",
        ]);
        await silo.StartAsync();
        try
        {
            await using var gateway = await GatewayHost.Start([
                "--Gateway:Mode=Client",
                $"--Cluster:GatewayPort={gatewayPort}",
            ]);
            Assert.Null(gateway.Services.GetService<ILocalSiloDetails>());
            Assert.NotNull(silo.Services.GetService<ILocalSiloDetails>());

            var created = await CafeClient.CreateSession(gateway.BaseAddress, "Café IA en réseau");
            await using var facilitator = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
            await using var alice = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions("Alice"));
            var question = await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Qui héberge ?"));
            var seen = await facilitator.WaitFor<QuestionAsked>(e => e.Question.Id == question.QuestionId);
            Assert.Equal("Qui héberge ?", seen.Question.Text);
            Assert.True(File.Exists(Path.Combine(data.Path, "cafe.db")));

            // Operators' endpoints: probes, Prometheus metrics with our counters, the Orleans dashboard.
            using var siloHttp = new HttpClient { BaseAddress = AddressOf(silo) };
            using var gatewayHttp = gateway.Http();
            foreach (var http in new[] { siloHttp, gatewayHttp })
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
                Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
            }
            var siloMetrics = await Eventually.Get(() => siloHttp.GetStringAsync("/metrics"), m => m.Contains("cafeia_questions", StringComparison.Ordinal), "silo metrics");
            Assert.Contains("cafeia_joins", siloMetrics, StringComparison.Ordinal);
            Assert.Contains("cafeia_sessions_active", siloMetrics, StringComparison.Ordinal);
            Assert.Contains("orleans_", siloMetrics, StringComparison.Ordinal);
            var gatewayMetrics = await Eventually.Get(() => gatewayHttp.GetStringAsync("/metrics"), m => m.Contains("cafeia_fanout_latency", StringComparison.Ordinal), "gateway metrics");
            Assert.Contains("signalr", gatewayMetrics, StringComparison.Ordinal);
            var dashboard = await siloHttp.GetAsync("/dashboard");
            Assert.Equal(System.Net.HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Contains("html", (await dashboard.Content.ReadAsStringAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        }
        finally
        {
            await silo.StopAsync();
        }
    }
}
