using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Silo;
using CafeIA.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>Gateway:Mode=Client: the gateway is a pure Orleans client of a separate silo host.</summary>
public sealed class ClientModeTests
{
    [Fact]
    public async Task A_client_gateway_serves_a_session_whose_grains_run_in_the_separate_silo()
    {
        using var data = new TempDirectory();
        var (siloPort, gatewayPort) = (Ports.Free(), Ports.Free());
        using var silo = SiloApplication.Build([
            $"--Storage:DataDirectory={data.Path}",
            $"--Cluster:SiloPort={siloPort}",
            $"--Cluster:GatewayPort={gatewayPort}",
            "--Logging:LogLevel:Default=Warning",
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
        }
        finally
        {
            await silo.StopAsync();
        }
    }
}
