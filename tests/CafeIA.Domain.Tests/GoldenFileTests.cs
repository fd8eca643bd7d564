using System.Text.Json;
using System.Text.Json.Nodes;
using CafeIA.Grains.Abstractions;
using CafeIA.Domain;
using CafeIA.Grains.Cafes;
using CafeIA.Grains.Formats;
using CafeIA.Grains.Organisations;
using CafeIA.Grains.Programmes;
using CafeIA.Grains.Sessions;
using CafeIA.Storage;
using CafeIA.Wire;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CafeIA.Domain.Tests;

/// <summary>
/// Stored data outlives the version that wrote it. Golden/ holds what this code wrote once, checked
/// in: a session's document and rows, the other grains' states, and the Orleans-serialised wire
/// records that cross the cluster. Every later version must read them back to the same values;
/// a renamed stored field or a reused [Id] fails here. To add a golden file for a new type, run
/// once with CAFEIA_WRITE_GOLDEN=1 (it writes missing files only, never rewrites one) and commit it.
/// Rules: docs/OPERATIONS.md, "Changing a stored or wire type".
/// </summary>
public sealed class GoldenFileTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 18, 0, 0, TimeSpan.Zero);
    private static readonly Guid SessionId = Guid.Parse("5d1e0c1a-0000-4000-8000-000000000022");
    private static readonly JsonGrainStateSerializer GrainState = new();
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public void A_session_stored_by_this_version_loads_with_its_participants_questions_polls_and_ballots()
    {
        var stored = Golden("session.json", () =>
        {
            var (state, session) = RichSession();
            var write = SessionDocument.Write(state, session.TakeStoredChanges());
            return JsonSerializer.Serialize(new { document = JsonNode.Parse(write.Document), rows = write.Rows.Select(r => new { r.Kind, r.Key, document = JsonNode.Parse(r.Document) }) },
                Indented);
        });
        using var json = JsonDocument.Parse(stored);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => new SessionRow(r.GetProperty("Kind").GetString()!, r.GetProperty("Key").GetString()!, r.GetProperty("document").GetRawText())).ToList();
        var state = SessionDocument.Read(new StoredSession(3, json.RootElement.GetProperty("document").GetRawText(), rows));

        Assert.Equal((SessionId, "Café IA doré", "ABC234", SessionPhase.Live, SessionLanguage.Fr, At), (state.Id, state.Title, state.JoinCode, state.Phase, state.Language, state.CreatedAt));
        Assert.Equal(At.AddMinutes(1), state.StartedAt);
        Assert.False(string.IsNullOrEmpty(state.FacilitatorKeyHash));
        Assert.Equal(3, state.Participants.Count);
        Assert.Single(state.Participants.Values, p => p.Role == Role.Facilitator);
        Assert.Equal(ParticipantMode.Remote, state.Participants.Values.Single(p => p.DisplayName == "Bob").Mode);
        var alice = state.Participants.Values.Single(p => p.DisplayName == "Alice");
        Assert.Equal((Role.Participant, ParticipantMode.Onsite), (alice.Role, alice.Mode));
        Assert.False(string.IsNullOrEmpty(alice.ResumeSecretHash));
        var question = Assert.Single(state.Questions);
        Assert.Equal("Qui décide ?", question.Text);
        Assert.Equal(alice.Id, question.AuthorId);
        var poll = Assert.Single(state.Polls);
        Assert.Equal(("Pour ou contre ?", PollKind.Single, PollState.Open), (poll.Question, poll.Kind, poll.State));
        Assert.Equal(["pour", "contre"], poll.Options);
        Assert.Equal([1], poll.Ballots[alice.Id].Choices);
        Assert.Equal(2, poll.Ballots.Count);
        Assert.Equal(ParticipantMode.Onsite, poll.Ballots[alice.Id].Mode);
    }

    [Fact]
    public void The_other_grains_states_stored_by_this_version_load()
    {
        var stored = Golden("grain-states.json", () => JsonSerializer.Serialize(new
        {
            joinCode = JsonNode.Parse(GrainState.Serialize(new JoinCodeState { SessionId = SessionId }).ToString()),
            retention = JsonNode.Parse(GrainState.Serialize(new RetentionState { EndedSessions = { [SessionId] = At }, Drafts = { [Guid.Empty] = At.AddDays(60) } }).ToString()),
            cafeListing = JsonNode.Parse(GrainState.Serialize(new CafeListingState
            {
                Listing = Listing,
                Registrations = [new RegistrationRecord { Id = "r1", Name = "Chloé", At = At }],
            }).ToString()),
            cafeDirectory = JsonNode.Parse(GrainState.Serialize(new CafeDirectoryState { Listings = { [SessionId] = Listing } }).ToString()),
        }, Indented));
        using var json = JsonDocument.Parse(stored);
        T Read<T>(string name) => GrainState.Deserialize<T>(BinaryData.FromString(json.RootElement.GetProperty(name).GetRawText()));

        Assert.Equal(SessionId, Read<JoinCodeState>("joinCode").SessionId);
        var retention = Read<RetentionState>("retention");
        Assert.Equal(At, retention.EndedSessions[SessionId]);
        Assert.Equal(At.AddDays(60), retention.Drafts[Guid.Empty]);
        var listing = Read<CafeListingState>("cafeListing");
        Assert.Equal(Listing, listing.Listing);
        var registration = Assert.Single(listing.Registrations);
        Assert.Equal(("r1", "Chloé", At), (registration.Id, registration.Name, registration.At));
        Assert.Equal(Listing, Read<CafeDirectoryState>("cafeDirectory").Listings[SessionId]);
    }

    [Fact]
    public void A_session_with_an_opinion_stored_by_this_version_loads_its_statements_and_each_voters_votes()
    {
        var stored = Golden("session-opinion.json", () =>
        {
            var (state, session) = OpinionSession();
            var write = SessionDocument.Write(state, session.TakeStoredChanges());
            return JsonSerializer.Serialize(new { document = JsonNode.Parse(write.Document), rows = write.Rows.Select(r => new { r.Kind, r.Key, document = JsonNode.Parse(r.Document) }) },
                Indented);
        });
        using var json = JsonDocument.Parse(stored);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => new SessionRow(r.GetProperty("Kind").GetString()!, r.GetProperty("Key").GetString()!, r.GetProperty("document").GetRawText())).ToList();
        var state = SessionDocument.Read(new StoredSession(3, json.RootElement.GetProperty("document").GetRawText(), rows));

        var opinion = Assert.Single(state.Opinions);
        Assert.Equal(("L'IA à la médiathèque ?", OpinionState.Open, At), (opinion.Topic, opinion.State, opinion.CreatedAt));
        Assert.Equal(["Oui, pour tous", "Non, pas sans règles", "Les bibliothécaires décident"], opinion.Statements.Select(s => s.Text));
        Assert.Equal([true, true, false], opinion.Statements.Select(s => s.Seed));
        Assert.All(opinion.Statements, s => Assert.Equal(StatementStatus.Approved, s.Status));
        var alice = state.Participants.Values.Single(p => p.DisplayName == "Alice").Id;
        var bob = state.Participants.Values.Single(p => p.DisplayName == "Bob").Id;
        Assert.Equal(alice, opinion.Statements[2].AuthorId);
        Assert.Equal(2, opinion.Voters.Count);
        Assert.Equal(ParticipantMode.Onsite, opinion.Voters[alice].Mode);
        Assert.Equal(StatementVote.Agree, opinion.Voters[alice].Votes[opinion.Statements[0].Id]);
        Assert.Equal(StatementVote.Disagree, opinion.Voters[alice].Votes[opinion.Statements[1].Id]);
        Assert.Equal(ParticipantMode.Remote, opinion.Voters[bob].Mode);
        Assert.Equal(StatementVote.Pass, opinion.Voters[bob].Votes[opinion.Statements[2].Id]);
    }

    [Fact]
    public void The_programme_mail_and_format_grains_states_stored_by_this_version_load()
    {
        var stored = Golden("grain-states-programme-mail-format.json", () => JsonSerializer.Serialize(
            OtherStates().ToDictionary(s => s.Key, s => JsonNode.Parse(GrainState.Serialize(s.Value).ToString())), Indented));
        using var json = JsonDocument.Parse(stored);
        foreach (var (name, value) in OtherStates())
        {
            // What a past version stored reads back, and is written again, with every value at its place.
            var then = JsonNode.Parse(json.RootElement.GetProperty(name).GetRawText());
            var read = typeof(JsonGrainStateSerializer).GetMethod(nameof(JsonGrainStateSerializer.Deserialize))!.MakeGenericMethod(value.GetType())
                .Invoke(GrainState, [BinaryData.FromString(then!.ToJsonString())])!;
            var now = JsonNode.Parse(GrainState.Serialize(read).ToString());
            Assert.True(ReadsTheSame(then, now), $"{name}: stored {then.ToJsonString()}, read back {now?.ToJsonString()}");
        }
        var programme = GrainState.Deserialize<ProgrammeState>(BinaryData.FromString(json.RootElement.GetProperty("programme").GetRawText()));
        Assert.Equal(("Café IA national", SessionId), (programme.Title, programme.Sessions.Single()));
        Assert.Equal(7, programme.Shards[0]["p1"].Voters);
        var mail = GrainState.Deserialize<CafeMailState>(BinaryData.FromString(json.RootElement.GetProperty("cafeMail").GetRawText()));
        Assert.Equal(("r1", "chloe@example.org", true), (mail.Recipients[0].RegistrationId, mail.Recipients[0].Address, mail.Recipients[0].ConfirmationSent));
        var opinion = GrainState.Deserialize<ProgrammeOpinionState>(BinaryData.FromString(json.RootElement.GetProperty("programmeOpinion").GetRawText()));
        Assert.Equal((SessionId, "s3"), (opinion.Statements[1].OriginSession!.Value, opinion.Statements[1].OriginStatementId));
    }

    [Fact]
    public void An_organisations_state_stored_by_this_version_loads()
    {
        var stored = Golden("grain-state-organisation.json", () => JsonSerializer.Serialize(JsonNode.Parse(GrainState.Serialize(OrganisationWithEverything()).ToString()), Indented));
        var then = JsonNode.Parse(stored);
        var read = GrainState.Deserialize<OrganisationState>(BinaryData.FromString(then!.ToJsonString()));
        var now = JsonNode.Parse(GrainState.Serialize(read).ToString());
        Assert.True(ReadsTheSame(then, now), $"stored {then.ToJsonString()}, read back {now?.ToJsonString()}");
        Assert.Equal("Médiathèques du Val", read.Name);
        Assert.Equal([("sub-owner", OrganisationRole.Owner), ("sub-member", OrganisationRole.Facilitator)], read.Members.Select(m => (m.Subject, m.Role)));
        var cafe = read.Cafes.Single();
        Assert.Equal((SessionId, "ABC234", "sub-member", "facilitator-key"), (cafe.SessionId, cafe.JoinCode, cafe.CreatedBy, cafe.FacilitatorKey));
        Assert.Single(read.Invitations);
    }

    /// <summary>An organisation made through its rules: an owner, a member who accepted, a café, one invitation still waiting.</summary>
    private static OrganisationState OrganisationWithEverything()
    {
        var state = new OrganisationState();
        var organisation = new Organisation(Guid.Parse("0a9a0000-0000-4000-8000-000000000023"), state);
        Assert.False(organisation.Create("sub-owner", "Anne", "Médiathèques du Val", At).IsRefused);
        var invitation = organisation.Invite("sub-owner", At).Value!;
        Assert.False(organisation.Accept("sub-member", "Bruno", invitation.InvitationKey, At.AddHours(1)).IsRefused);
        Assert.False(organisation.AddCafe("sub-member", SessionId, "ABC234", "Café IA doré", "facilitator-key", At.AddHours(2)).IsRefused);
        Assert.False(organisation.Invite("sub-owner", At.AddHours(3)).IsRefused);
        return state;
    }

    /// <summary>The programme's, its opinion's and shard's, the mail's and the format catalogue's states, every field set.</summary>
    private static Dictionary<string, object> OtherStates()
    {
        var tally = new Tally([4, 3], [3, 1], [1, 2], 7, 4, 3);
        var format = new SessionFormat(1, "Café IA", "Une heure pour parler d'IA", "Tout public", SessionLanguage.Fr, 60, SessionFormat.DefaultLicence, null, null);
        return new()
        {
            ["programme"] = new ProgrammeState
            {
                Title = "Café IA national",
                OrganiserKeyHash = "organiser-hash",
                InviteKeyHash = "invite-hash",
                Sessions = [SessionId],
                Polls = [new ProgrammePoll { Id = "p1", Request = new CreatePollRequest("Pour ou contre ?", PollKind.Single, ["pour", "contre"]), Options = ["pour", "contre"] }],
                Opinions = [new ProgrammeOpinionView("o1", "L'IA et nous", true, [new NationalStatement("n1", "Oui")], 2)],
                Shards = { [0] = new() { ["p1"] = tally } },
            },
            ["programmeOpinion"] = new ProgrammeOpinionState
            {
                Topic = "L'IA et nous",
                PoolStatements = true,
                Statements = [new NationalStatement("n1", "Oui"), new NationalStatement("n2", "Non", SessionId, "s3")],
                Offered = [new NationalStatement("", "Peut-être", SessionId, "s4")],
                Sessions = [SessionId],
            },
            ["programmeShard"] = new ProgrammeShardState { Polls = { ["p1"] = new() { [SessionId] = new ShardEntry { Tally = tally, Seq = 42 } } } },
            ["cafeMail"] = new CafeMailState
            {
                Listing = Listing,
                Recipients = [new MailRecipient { RegistrationId = "r1", Address = "chloe@example.org", RegisteredAt = At, ConfirmationSent = true, ReminderDone = true }],
            },
            ["mailSchedule"] = new MailScheduleState { Due = { [SessionId] = At.AddDays(6) } },
            ["format"] = new FormatState
            {
                Versions = [new FormatVersion("f1", 1, At, format)],
                Publishers = [SessionId],
                Cafes = [new FormatCafe(SessionId, 1, At.AddDays(1))],
            },
            ["formatCatalogue"] = new FormatCatalogueState
            {
                Formats = { ["f1"] = new FormatEntry("f1", 1, "Café IA", "Une heure pour parler d'IA", "Tout public", SessionLanguage.Fr, 60, SessionFormat.DefaultLicence, 6, At, 1) },
            },
        };
    }

    /// <summary>A live session with an open opinion: two seed statements, one a participant added, and two voters' votes.</summary>
    private static (SessionState State, Session Session) OpinionSession()
    {
        var state = new SessionState();
        var clock = new ManualClock();
        var limits = new SessionLimits();
        var created = SessionFixture.Ok(Session.Create(state, SessionId, "Café IA doré", "ABC234", limits, At));
        var session = new Session(state, limits, clock);
        var facilitator = SessionFixture.Ok(session.Join(new JoinOptions(Key: created.FacilitatorKey, Mode: ParticipantMode.Onsite))).ParticipantId;
        var alice = SessionFixture.Ok(session.Join(new JoinOptions("Alice", ParticipantMode.Onsite))).ParticipantId;
        var bob = SessionFixture.Ok(session.Join(new JoinOptions("Bob", ParticipantMode.Remote))).ParticipantId;
        SessionFixture.Ok(session.SetPhase(facilitator, SessionPhase.Live));
        var opinion = SessionFixture.Ok(session.CreateOpinion(facilitator, new CreateOpinionRequest("L'IA à la médiathèque ?", ["Oui, pour tous", "Non, pas sans règles"]))).OpinionId;
        SessionFixture.Ok(session.MoveOpinion(facilitator, opinion, OpinionState.Open));
        var added = SessionFixture.Ok(session.AddStatement(alice, new AddStatementRequest(opinion, "Les bibliothécaires décident"))).StatementId;
        if (state.Opinions[0].Statements[2].Status != StatementStatus.Approved)
        {
            SessionFixture.Ok(session.ModerateStatement(facilitator, new StatementRef(opinion, added), approve: true));
        }
        var ids = state.Opinions[0].Statements.Select(s => s.Id).ToArray();
        SessionFixture.Ok(session.VoteStatement(alice, new VoteStatementRequest(opinion, ids[0], StatementVote.Agree)));
        SessionFixture.Ok(session.VoteStatement(alice, new VoteStatementRequest(opinion, ids[1], StatementVote.Disagree)));
        SessionFixture.Ok(session.VoteStatement(bob, new VoteStatementRequest(opinion, ids[2], StatementVote.Pass)));
        return (state, session);
    }

    [Fact]
    public void Wire_records_serialised_by_this_version_for_the_cluster_deserialise_to_the_same_values()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        object[] Values() =>
        [
            new JoinOptions("Alice", ParticipantMode.Onsite, "p1.secret", "key"),
            new VoteRequest("p1", [0, 2], Words: ["avenir"], Rating: 4, OpId: "op-2", Points: [3, 1]),
            Listing,
            new DraftCheck(false, At),
            WireBatch(),
        ];
        var stored = Golden("wire.orleans.json", () => JsonSerializer.Serialize(
            Values().Select(v => new { type = v.GetType().Name, orleans = Convert.ToBase64String(serializer.SerializeToArray(v)), json = JsonNode.Parse(GrainState.Serialize(v).ToString()) }),
            Indented));
        using var json = JsonDocument.Parse(stored);
        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(Values().Length, entries.Count);
        foreach (var (entry, expected) in entries.Zip(Values()))
        {
            var read = serializer.Deserialize<object>(Convert.FromBase64String(entry.GetProperty("orleans").GetString()!));
            Assert.IsType(expected.GetType(), read);
            // The values a past version sent (its JSON beside the bytes) are the values read now;
            // properties added since (wire types only ever gain some) read as their defaults.
            var then = JsonNode.Parse(entry.GetProperty("json").GetRawText());
            var now = JsonNode.Parse(GrainState.Serialize(read).ToString());
            Assert.True(ReadsTheSame(then, now), $"{expected.GetType().Name}: written {then?.ToJsonString()}, read back {now?.ToJsonString()}");
        }
    }

    /// <summary>Every value written then is read now, at the same place; a property added since may stand beside them, at its default.</summary>
    private static bool ReadsTheSame(JsonNode? then, JsonNode? now) => (then, now) switch
    {
        (JsonObject a, JsonObject b) => a.All(p => b.ContainsKey(p.Key) && ReadsTheSame(p.Value, b[p.Key]))
            && b.Where(p => !a.ContainsKey(p.Key)).All(p => p.Value is null || p.Value.GetValueKind() is JsonValueKind.False
                || (p.Value.GetValueKind() is JsonValueKind.Number && p.Value.GetValue<double>() == 0)),
        (JsonArray a, JsonArray b) => a.Count == b.Count && a.Zip(b).All(p => ReadsTheSame(p.First, p.Second)),
        _ => JsonNode.DeepEquals(then, now),
    };

    private static readonly CafeListing Listing = new(SessionId.ToString(), "Café IA doré", "ABC234", "Médiathèque", At.AddDays(7),
        CafeFormat.Hybrid, "La ville", 48.1, -1.68, 30, 1, CafeStatus.Upcoming);

    /// <summary>A live session with staff, two participants, a question, an open poll and two ballots, at fixed times.</summary>
    private static (SessionState State, Session Session) RichSession()
    {
        var state = new SessionState();
        var clock = new ManualClock();
        var limits = new SessionLimits();
        var created = SessionFixture.Ok(Session.Create(state, SessionId, "Café IA doré", "ABC234", limits, At));
        var session = new Session(state, limits, clock);
        var facilitator = SessionFixture.Ok(session.Join(new JoinOptions(Key: created.FacilitatorKey, Mode: ParticipantMode.Onsite))).ParticipantId;
        var alice = SessionFixture.Ok(session.Join(new JoinOptions("Alice", ParticipantMode.Onsite))).ParticipantId;
        var bob = SessionFixture.Ok(session.Join(new JoinOptions("Bob", ParticipantMode.Remote))).ParticipantId;
        clock.Advance(TimeSpan.FromMinutes(1));
        SessionFixture.Ok(session.SetPhase(facilitator, SessionPhase.Live));
        SessionFixture.Ok(session.Ask(alice, new AskQuestionRequest("Qui décide ?")));
        var poll = SessionFixture.Ok(session.CreatePoll(facilitator, new CreatePollRequest("Pour ou contre ?", PollKind.Single, ["pour", "contre"]))).PollId;
        SessionFixture.Ok(session.OpenPoll(facilitator, poll));
        SessionFixture.Ok(session.Vote(alice, new VoteRequest(poll, [1])));
        SessionFixture.Ok(session.Vote(bob, new VoteRequest(poll, [0])));
        return (state, session);
    }

    /// <summary>A real change batch (a question and a vote's tally) as a session grain sends it to gateways.</summary>
    private static SessionChanges WireBatch()
    {
        var state = new SessionState();
        var clock = new ManualClock();
        var limits = new SessionLimits();
        var created = SessionFixture.Ok(Session.Create(state, SessionId, "Café IA doré", "ABC234", limits, At));
        var session = new Session(state, limits, clock);
        var facilitator = SessionFixture.Ok(session.Join(new JoinOptions(Key: created.FacilitatorKey))).ParticipantId;
        SessionFixture.Ok(session.SetPhase(facilitator, SessionPhase.Live));
        session.TakeChanges();
        SessionFixture.Ok(session.Ask(facilitator, new AskQuestionRequest("Et demain ?")));
        return session.TakeChanges()! with { CommittedAt = At };
    }

    /// <summary>The checked-in golden file; written only when missing and CAFEIA_WRITE_GOLDEN=1.</summary>
    private static string Golden(string name, Func<string> writtenByThisVersion)
    {
        var path = Path.Combine(Repository(), "tests", "CafeIA.Domain.Tests", "Golden", name);
        if (!File.Exists(path) && Environment.GetEnvironmentVariable("CAFEIA_WRITE_GOLDEN") == "1")
        {
            File.WriteAllText(path, writtenByThisVersion() + "\n");
        }
        Assert.True(File.Exists(path), $"{path} is missing: golden files are checked in (write a new one with CAFEIA_WRITE_GOLDEN=1).");
        return File.ReadAllText(path);
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CafeIA.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("CafeIA.sln not found above the test's folder.");
    }
}
