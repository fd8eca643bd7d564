using System.Text.Json;
using CafeIA.Domain;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Storage;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Storage;

/// <summary>
/// The session store writes the document and only the changed participant and ballot rows: a
/// session scripted through every kind of change, committed after each command as the grain does,
/// must read back exactly as it is in memory. A missed "changed" mark would show up here. Run on
/// SQLite (statements one by one) and on PostgreSQL (each commit one batch).
/// </summary>
public abstract class SessionStoreTests : IDisposable
{
    private readonly StorageTarget _target;
    private readonly SessionStore _store;
    private readonly Guid _id = Guid.NewGuid();
    private readonly SessionState _state = new();
    private readonly Session _session;
    private long _version;

    protected SessionStoreTests(CafeIA.Grains.Hosting.CafeStorageOptions storage)
    {
        _target = StorageTarget.From(storage);
        SchemaInitializer.Apply(_target, CancellationToken.None).GetAwaiter().GetResult();
        _store = new SessionStore(_target);
        _session = new Session(_state, new SessionLimits(), TimeProvider.System);
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public async Task A_session_reads_back_exactly_after_every_kind_of_change()
    {
        var created = Session.Create(_state, _id, "Café IA", "ABC234", new SessionLimits(), DateTimeOffset.UtcNow).Value!;
        await Commit();
        var facilitator = (await Do(s => s.Join(new JoinOptions(Key: created.FacilitatorKey)))).ParticipantId;
        var alice = await Do(s => s.Join(new JoinOptions("Alice", ParticipantMode.Onsite)));
        var bob = (await Do(s => s.Join(new JoinOptions("Bob")))).ParticipantId;
        var moderator = (await Do(s => s.Join(new JoinOptions("Modé", Key: created.ModeratorKey)))).ParticipantId;
        await Do(s => s.Join(new JoinOptions("Alice B.", ResumeToken: alice.ResumeToken)));
        await Do(s => s.SetPhase(facilitator, SessionPhase.Live));
        var question = (await Do(s => s.Ask(alice.ParticipantId, new AskQuestionRequest("Et l'emploi ?")))).QuestionId;
        await Do(s => s.Upvote(bob, question));
        await Do(s => s.SetMuted(moderator, bob, true));
        var polls = new List<string>();
        foreach (var (kind, vote) in new (PollKind, VoteRequest)[]
        {
            (PollKind.Single, new VoteRequest(null, [1])),
            (PollKind.WordCloud, new VoteRequest(null, Words: ["éthique"])),
            (PollKind.Rating, new VoteRequest(null, Rating: 4)),
            (PollKind.OpenText, new VoteRequest(null, Text: "Former les agents")),
        })
        {
            var options = kind is PollKind.Single ? new[] { "oui", "non" } : null;
            var poll = (await Do(s => s.CreatePoll(facilitator, new CreatePollRequest($"{kind} ?", kind, options, ScaleMax: kind == PollKind.Rating ? 5 : null)))).PollId;
            await Do(s => s.OpenPoll(facilitator, poll));
            await Do(s => s.Vote(alice.ParticipantId, vote with { PollId = poll }));
            await Do(s => s.Vote(bob, vote with { PollId = poll }));
            polls.Add(poll);
        }
        var answer = _state.Polls.Single(p => p.Kind == PollKind.OpenText).Ballots[bob].AnswerId!;
        await Do(s => s.ModerateAnswer(moderator, new AnswerRef(polls[3], answer), approve: true));
        await Do(s => s.Vote(alice.ParticipantId, new VoteRequest(polls[0], [0])));
        await Do(s => s.DeletePoll(facilitator, polls[1]));
        await Do(s => s.RevokeModeratorLink(facilitator, "m1"));
        await Do(s => s.RecordHandCount(facilitator, new HandCountRequest(polls[0], [3, 1])));
        var kioskLink = await Do(s => s.CreateKioskLink(facilitator, created.FacilitatorKey, "Entrée"));
        var kiosk = (await Do(s => s.Join(new JoinOptions(Key: kioskLink.Key)))).ParticipantId;
        await Do(s => s.KioskVote(kiosk, new VoteRequest(polls[0], [0])));
        await Do(s => s.KioskVote(kiosk, new VoteRequest(polls[2], Rating: 2)));
        await Do(s => s.UndoKioskTurn(kiosk, null));
        await Do(s => s.Ask(facilitator, new AskQuestionRequest("Pour mon voisin", OnBehalf: true)));
        var opinion = (await Do(s => s.CreateOpinion(facilitator, new CreateOpinionRequest("L'IA ?", ["Encadrer", "Former"])))).OpinionId;
        await Do(s => s.MoveOpinion(facilitator, opinion, OpinionState.Open));
        var statement = (await Do(s => s.AddStatement(alice.ParticipantId, new AddStatementRequest(opinion, "Ouvrir le code")))).StatementId;
        await Do(s => s.VoteStatement(alice.ParticipantId, new VoteStatementRequest(opinion, "s1", StatementVote.Agree)));
        await Do(s => s.VoteStatement(alice.ParticipantId, new VoteStatementRequest(opinion, "s1", StatementVote.Disagree)));
        await Do(s => s.VoteStatement(bob, new VoteStatementRequest(opinion, statement, StatementVote.Pass)));
        await Do(s => s.ModerateStatement(facilitator, new StatementRef(opinion, "s2"), approve: false));
        await Do(s => s.PublishOpinionMap(opinion, new OpinionMapResult(1, [new MapPointResult(bob, 0.5, 0.5, 0)], [new MapGroupResult(0, [bob], [])], [])));
        await Do(s => s.MoveOpinion(facilitator, opinion, OpinionState.Closed));
        Assert.Equal(Full(_state), Full(await Reload()));
        Assert.Equal(StatementVote.Disagree, _state.Opinions.Single().Voters[alice.ParticipantId].Votes["s1"]);
        Assert.Single(_state.Polls.Single(p => p.Id == polls[0]).Ballots, b => b.Value.KioskLinkId == kioskLink.Id);
        Assert.DoesNotContain(_state.Polls.Single(p => p.Id == polls[2]).Ballots.Values, b => b.KioskLinkId is not null);
        Assert.True(_state.Participants[moderator].Revoked);
        Assert.Equal(3, _state.Polls.Count);
    }

    [Fact]
    public async Task A_second_writer_with_an_old_version_is_refused_and_deleting_removes_every_row()
    {
        var created = Session.Create(_state, _id, "Café IA", "ABC234", new SessionLimits(), DateTimeOffset.UtcNow).Value!;
        await Commit();
        await Do(s => s.Join(new JoinOptions("Alice")));
        var stale = _version - 1;

        await Assert.ThrowsAsync<SessionConflictException>(() => _store.Commit(_id, stale, SessionDocument.Write(_state, _session.TakeStoredChanges())));
        await Assert.ThrowsAsync<SessionConflictException>(() => _store.Commit(_id, 0, SessionDocument.Write(_state, _session.TakeStoredChanges())));
        Assert.NotNull(created);

        // Alice's participant row is stored (the facilitator has not joined): the delete must take it too
        // (Load finds no document either way, so it could not tell). The refused writes stored nothing.
        Assert.Equal(1, await StoredRows());
        await _store.Delete(_id);
        Assert.Null(await _store.Load(_id));
        Assert.Equal(0, await StoredRows());
    }

    /// <summary>This session's participant and ballot rows in the database.</summary>
    private async Task<long> StoredRows()
    {
        await using var connection = System.Data.Common.DbProviderFactories.GetFactory(_target.Invariant).CreateConnection()!;
        connection.ConnectionString = _target.ConnectionString;
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM CafeSessionRow WHERE SessionId = @id";
        var id = count.CreateParameter();
        (id.ParameterName, id.Value) = ("id", _id.ToString("N"));
        count.Parameters.Add(id);
        return Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<T> Do<T>(Func<Session, Outcome<T>> command)
    {
        var outcome = command(_session);
        Assert.Null(outcome.Refusal);
        await Commit();
        return outcome.Value!;
    }

    private async Task Commit()
    {
        var rows = _session.TakeCommit()?.Rows ?? _session.TakeStoredChanges();
        _version = await _store.Commit(_id, _version, SessionDocument.Write(_state, rows));
    }

    private async Task<SessionState> Reload() => SessionDocument.Read((await _store.Load(_id))!);

    /// <summary>Everything stored, in a stable order: the document, then participants and ballots by key.</summary>
    private static string Full(SessionState state)
    {
        var options = JsonGrainStateSerializer.Options;
        return string.Join("\n",
        [
            JsonSerializer.Serialize(state, options),
            .. state.Participants.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Value, options)),
            .. state.Polls.SelectMany(poll => poll.Ballots.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{poll.Id}/{b.Key} {JsonSerializer.Serialize(b.Value, options)}")),
            .. state.Opinions.SelectMany(opinion => opinion.Voters.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{opinion.Id}/{v.Key} {JsonSerializer.Serialize(v.Value, options)}")),
        ]);
    }
}

/// <summary>The embedded default: SQLite in a temporary folder.</summary>
public sealed class SqliteSessionStoreTests : SessionStoreTests
{
    private readonly TempDirectory _data;

    public SqliteSessionStoreTests() : this(new TempDirectory())
    {
    }

    private SqliteSessionStoreTests(TempDirectory data) : base(new CafeIA.Grains.Hosting.CafeStorageOptions { DataDirectory = data.Path }) => _data = data;

    public override void Dispose()
    {
        _data.Dispose();
        base.Dispose();
    }
}

/// <summary>The cluster's store: PostgreSQL (each class its own server).</summary>
public sealed class PostgreSqlSessionStoreTests(PostgresServer postgres)
    : SessionStoreTests(new CafeIA.Grains.Hosting.CafeStorageOptions { Provider = CafeIA.Grains.Hosting.StorageProviders.PostgreSql, ConnectionString = postgres.ConnectionString }),
      IClassFixture<PostgresServer>;
