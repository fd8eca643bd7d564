using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Silo;
using CafeIA.Wire;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>
/// The cluster configuration: a Silo host with PostgreSQL clustering and storage, a gateway as
/// its Orleans client finding it through the same membership table. A new silo finds the state.
/// </summary>
public sealed class PostgreSqlTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private string[] ClusterArgs(int siloPort, int gatewayPort) => [
        "--Storage:Provider=PostgreSql",
        $"--Storage:ConnectionString={postgres.ConnectionString}",
        "--Cluster:Clustering=AdoNet",
        "--Cluster:ClusterId=pg-test",
        $"--Cluster:SiloPort={siloPort}",
        $"--Cluster:GatewayPort={gatewayPort}",
        "--Logging:LogLevel:Default=Warning",
    ];

    [Fact]
    public async Task Sessions_live_in_PostgreSQL_and_survive_a_new_silo_found_through_the_membership_table()
    {
        SessionCreated created;
        string token, questionId;
        await using (var run = await ClusterRun.Start(ClusterArgs(Ports.Free(), Ports.Free())))
        {
            created = await CafeClient.CreateSession(run.Gateway.BaseAddress, "Café IA national");
            await using var alice = await CafeClient.Join(run.Gateway.BaseAddress, created.JoinCode, new JoinOptions("Alice"));
            questionId = (await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Stockée dans PostgreSQL ?"))).QuestionId;
            await alice.Invoke("Upvote", new QuestionRef(questionId));
            token = alice.Joined.ResumeToken;
        }

        await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
        {
            await connection.OpenAsync();
            await using var codes = new NpgsqlCommand("SELECT count(*) FROM orleansstorage", connection);
            Assert.True((long)(await codes.ExecuteScalarAsync())! >= 1, "the join code's row");
            await using var rows = new NpgsqlCommand("SELECT count(*) FROM cafesessionrow", connection);
            Assert.Equal(1L, (long)(await rows.ExecuteScalarAsync())!); // Alice's participant row, the only participant
        }

        await using (var run = await ClusterRun.Start(ClusterArgs(Ports.Free(), Ports.Free())))
        {
            await using var alice = await CafeClient.Join(run.Gateway.BaseAddress, created.JoinCode, new JoinOptions(ResumeToken: token));
            var question = Assert.Single(alice.Joined.Snapshot.Questions);
            Assert.Equal((questionId, 1, true), (question.Id, question.Votes, question.Upvoted));
        }
    }

    private sealed class ClusterRun : IAsyncDisposable
    {
        private IHost _silo = null!;
        public GatewayHost Gateway { get; private set; } = null!;

        public static async Task<ClusterRun> Start(string[] args)
        {
            var run = new ClusterRun { _silo = SiloApplication.Build([.. args, "--urls=http://127.0.0.1:0"]) };
            await run._silo.StartAsync();
            run.Gateway = await GatewayHost.Start(["--Gateway:Mode=Client", .. args]);
            return run;
        }

        public async ValueTask DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await _silo.StopAsync();
            _silo.Dispose();
        }
    }
}
