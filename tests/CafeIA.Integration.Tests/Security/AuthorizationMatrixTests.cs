using System.Net.Http.Json;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Integration.Tests.Security;

/// <summary>
/// Every hub method × every role: allowed exactly where docs/PROTOCOL.md says, `forbidden`
/// elsewhere, and a forbidden call changes nothing (the session's seq does not move).
/// </summary>
public sealed class AuthorizationMatrixTests(EmbeddedGatewayFixture gateway) : IClassFixture<EmbeddedGatewayFixture>
{
    private enum Who { Anonymous, Participant, Muted, Moderator, Facilitator, Projector, OtherFacilitator, Kiosk }

    private const string Everyone = "participant moderator facilitator";
    private const string Staff = "moderator facilitator";
    private const string Facilitator = "facilitator";

    /// <summary>Method, who may call it (by role name), and a payload aimed at real objects of the session.</summary>
    private static (string Method, string Allowed, Func<World, object?> Payload)[] Methods =>
    [
        ("GetSnapshot", "participant moderator facilitator projector kiosk", _ => null),
        ("AskQuestion", Everyone, _ => new AskQuestionRequest("Une question ?")),
        ("AskQuestion", Staff, _ => new AskQuestionRequest("Pour ma voisine", OnBehalf: true)),
        ("Upvote", Everyone, w => new QuestionRef(w.Question)),
        ("RemoveUpvote", Everyone, w => new QuestionRef(w.Question)),
        // Someone else's question: only its author may withdraw it (whatever their role).
        ("WithdrawQuestion", "", w => new QuestionRef(w.Question)),
        ("Vote", Everyone, w => new VoteRequest(w.Poll, [0])),
        ("RecordHandCount", Staff, w => new HandCountRequest(w.Poll, [1, 0])),
        ("ClearHandCount", Staff, w => new PollRef(w.Poll)),
        ("KioskVote", "kiosk", w => new VoteRequest(w.Poll, [0])),
        ("UndoKioskTurn", "kiosk moderator facilitator", w => new KioskLinkRef(w.Kiosk.Id)),
        ("CreateKioskLink", Facilitator, _ => new CreateKioskLinkRequest("Borne")),
        ("RevokeKioskLink", Facilitator, w => new KioskLinkRef(w.Kiosk.Id)),
        ("RaiseHand", Everyone, _ => new OperationRequest()),
        ("LowerHand", Everyone, _ => new OperationRequest()),
        // Nobody has the floor here: only the staff may end a turn (the speaker too: SpeakingTests).
        ("EndSpeaking", Staff, _ => new OperationRequest()),
        ("ApproveQuestion", Staff, w => new QuestionRef(w.Question)),
        ("RejectQuestion", Staff, w => new RejectRequest(w.Question, "non")),
        ("PinQuestion", Staff, w => new QuestionRef(w.Question)),
        ("UnpinQuestion", Staff, w => new QuestionRef(w.Question)),
        ("MarkAnswered", Staff, w => new QuestionRef(w.Question)),
        ("HideQuestion", Staff, w => new QuestionRef(w.Question)),
        ("EditQuestion", Staff, w => new EditQuestionRequest(w.Question, "Corrigée")),
        ("MergeQuestions", Staff, w => new MergeQuestionsRequest(w.Question, w.Question)),
        ("MuteParticipant", Staff, w => new ParticipantRef(w.ParticipantId)),
        ("UnmuteParticipant", Staff, w => new ParticipantRef(w.ParticipantId)),
        ("CallNextSpeaker", Staff, _ => new OperationRequest()),
        ("CallSpeaker", Staff, w => new ParticipantRef(w.ParticipantId)),
        ("ApproveAnswer", Staff, w => new AnswerRef(w.Poll, "a1")),
        ("HideAnswer", Staff, w => new AnswerRef(w.Poll, "a1")),
        ("StartSession", Facilitator, _ => new OperationRequest()),
        ("EndSession", Facilitator, _ => new OperationRequest()),
        ("DeleteSession", Facilitator, _ => new OperationRequest()),
        ("SetModeration", Facilitator, _ => new ModerationSettings(true)),
        ("SetVideo", Facilitator, _ => new VideoRequest("https://youtu.be/dQw4w9WgXcQ")),
        ("PublishCafe", Facilitator, _ => new CafeListingRequest("Médiathèque de Lyon", DateTimeOffset.UtcNow.AddDays(7))),
        ("UnpublishCafe", Facilitator, _ => new OperationRequest()),
        ("PublishReport", Facilitator, _ => new ReportVisibility(false)),
        ("SetConclusion", Facilitator, _ => new ConclusionRequest("Ce que nous retenons")),
        ("JoinProgramme", Facilitator, w => new JoinProgrammeRequest(w.Programme.ProgrammeId, w.Programme.InviteKey)),
        ("CreateModeratorLink", Facilitator, _ => new CreateModeratorLinkRequest("x")),
        ("RevokeModeratorLink", Facilitator, _ => new ModeratorLinkRef("m1")),
        ("CreatePoll", Facilitator, _ => new CreatePollRequest("?", PollKind.Single, ["a", "b"])),
        ("EditPoll", Facilitator, w => new EditPollRequest(w.Poll, "?", PollKind.Single, ["a", "b"])),
        ("DeletePoll", Facilitator, w => new PollRef(w.Poll)),
        ("OpenPoll", Facilitator, w => new PollRef(w.Poll)),
        ("ClosePoll", Facilitator, w => new PollRef(w.Poll)),
        ("RevealResults", Facilitator, w => new PollRef(w.Poll)),
        ("HideResults", Facilitator, w => new PollRef(w.Poll)),
        ("ShowResultsOnScreen", Staff, w => new ResultsOnScreenRequest(w.Poll, false)),
        ("SetScreen", Staff, w => new ScreenRequest(ScreenView.Activity, w.Poll)),
        ("ReplyToQuestion", Staff, w => new ReplyRequest(w.Question, "Réponse")),
        ("ClearReply", Staff, w => new QuestionRef(w.Question)),
        ("RestoreQuestion", Staff, w => new QuestionRef(w.Question)),
        ("PauseQuestions", Staff, _ => new PauseQuestionsRequest(true)),
        ("Announce", Staff, _ => new AnnounceRequest("Pause café")),
        ("DismissAnnouncement", Staff, _ => new OperationRequest()),
        ("SetProfanityFilter", Facilitator, _ => new ProfanityFilterRequest(ProfanityMode.Mask)),
        ("SetEasyRead", Facilitator, _ => new EasyReadRequest(true)),
        ("ModerateWord", Staff, w => new WordModerationRequest(w.Poll, "mot", true)),
        ("React", Everyone, _ => new ReactRequest("👏")),
        ("SetReactions", Staff, _ => new ReactionsRequest(false)),
        ("CreateOpinion", Facilitator, _ => new CreateOpinionRequest("L'IA ?", ["Oui"])),
        ("OpenOpinion", Staff, w => new OpinionRef(w.Opinion)),
        ("CloseOpinion", Staff, w => new OpinionRef(w.Opinion)),
        ("AddStatement", Everyone, w => new AddStatementRequest(w.Opinion, "Mon avis")),
        // Participants only: the staff run the map, they do not vote on it.
        ("VoteStatement", "participant", w => new VoteStatementRequest(w.Opinion, "s1", StatementVote.Agree)),
        ("ApproveStatement", Staff, w => new StatementRef(w.Opinion, "s1")),
        ("HideStatement", Staff, w => new StatementRef(w.Opinion, "s1")),
        ("SetAgenda", Facilitator, w => new SetAgendaRequest([new ActivityDefinition(Kind: AgendaActivityKind.Poll, Title: "Vote", DurationMinutes: 5, PollId: w.Poll)])),
        ("NextActivity", Facilitator, _ => new OperationRequest()),
        ("FocusActivity", Facilitator, _ => new ActivityRef("a1")),
        ("StopTimer", Facilitator, _ => new OperationRequest()),
        ("ExtendTimer", Facilitator, _ => new ExtendTimerRequest(2)),
        ("SetSessionDetails", Facilitator, _ => new SessionDetailsRequest("Un débat", "Tout public")),
    ];

    private sealed record World(SessionCreated Session, string Question, string Poll, string ParticipantId, ProgrammeCreated Programme, KioskLinkView Kiosk,
        string Opinion);

    [Fact]
    public async Task Every_method_is_allowed_exactly_to_the_roles_the_protocol_names()
    {
        var checkedCalls = 0;
        foreach (var who in Enum.GetValues<Who>())
        {
            foreach (var (method, allowed, payload) in Methods)
            {
                // A fresh session per call: an allowed call may end or delete it.
                var (world, facilitator, caller, author) = await Arrange(who);
                await using (facilitator)
                await using (caller)
                await using (author)
                {
                    var seqBefore = (await facilitator.Snapshot()).Seq;
                    var args = payload(world) is { } p ? new[] { p } : [];
                    string? code = null;
                    try
                    {
                        await caller.Hub.Call(method, args);
                    }
                    catch (CallRefusedException ex)
                    {
                        code = ex.Code;
                    }
                    var role = RoleName(who);
                    if (allowed.Split(' ').Contains(role))
                    {
                        Assert.True(code != RefusalCodes.Forbidden, $"{who} should be allowed {method}");
                    }
                    else
                    {
                        Assert.True(code == RefusalCodes.Forbidden, $"{who} calling {method}: expected forbidden, got {code ?? "success"}");
                        Assert.Equal(seqBefore, (await facilitator.Snapshot()).Seq);
                    }
                    checkedCalls++;
                }
            }
        }
        Assert.Equal(Enum.GetValues<Who>().Length * Methods.Length, checkedCalls);
    }

    [Fact]
    public async Task A_revoked_moderator_key_no_longer_joins_and_another_sessions_key_opens_nothing()
    {
        var (world, facilitator, other, author) = await Arrange(Who.OtherFacilitator);
        await using (facilitator)
        await using (other)
        await using (author)
        {
            await facilitator.Invoke("RevokeModeratorLink", new ModeratorLinkRef("m1"));
            Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() =>
                CafeClient.Join(gateway.BaseAddress, world.Session.JoinCode, new JoinOptions(Key: world.Session.ModeratorKey))));
            Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() =>
                CafeClient.Join(gateway.BaseAddress, world.Session.JoinCode, new JoinOptions(Key: world.Session.FacilitatorKey + "x"))));
        }
    }

    private static string RoleName(Who who) => who switch
    {
        Who.Participant or Who.Muted or Who.OtherFacilitator => "participant",
        Who.Moderator => "moderator",
        Who.Facilitator => "facilitator",
        Who.Projector => "projector",
        Who.Kiosk => "kiosk",
        _ => "anonymous",
    };

    /// <summary>
    /// A live session with a question and an open poll, and a caller of the given kind. The
    /// other session's facilitator joins this session with their own key: refused, so they are
    /// here as a mere participant (the only thing that key can get them).
    /// </summary>
    private async Task<(World, CafeClient, CafeClient, CafeClient)> Arrange(Who who)
    {
        var created = await CafeClient.CreateSession(gateway.BaseAddress, "Matrice");
        var facilitator = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var author = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions("Auteur"));
        var question = (await author.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Première ?"))).QuestionId;
        var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("?", PollKind.Single, ["a", "b"]))).PollId;
        await facilitator.Invoke("OpenPoll", new PollRef(poll));
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        var programme = (await (await http.PostAsJsonAsync("/api/programmes", new { title = "Programme" }))
            .Content.ReadFromJsonAsync<ProgrammeCreated>())!;
        var kiosk = await facilitator.Invoke<KioskLinkView>("CreateKioskLink", new CreateKioskLinkRequest("Entrée"));
        var opinion = (await facilitator.Invoke<OpinionCreated>("CreateOpinion", new CreateOpinionRequest("Carte", ["Première"]))).OpinionId;
        await facilitator.Invoke("OpenOpinion", new OpinionRef(opinion));
        var world = new World(created, question, poll, author.ParticipantId, programme, kiosk, opinion);
        CafeClient caller;
        switch (who)
        {
            case Who.Anonymous:
                caller = await CafeClient.Connect(gateway.BaseAddress);
                break;
            case Who.OtherFacilitator:
                var other = await CafeClient.CreateSession(gateway.BaseAddress, "Autre session");
                Assert.Equal(RefusalCodes.Forbidden, await CafeClient.RefusalCode(() =>
                    CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions(Key: other.FacilitatorKey))));
                caller = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions("Autre"));
                break;
            default:
                var key = who switch
                {
                    Who.Moderator => created.ModeratorKey,
                    Who.Facilitator => created.FacilitatorKey,
                    Who.Projector => created.ProjectorKey,
                    Who.Kiosk => kiosk.Key,
                    _ => null,
                };
                caller = await CafeClient.Join(gateway.BaseAddress, created.JoinCode, new JoinOptions("Appelant", Key: key));
                if (who == Who.Muted)
                {
                    await facilitator.Invoke("MuteParticipant", new ParticipantRef(caller.ParticipantId));
                }
                break;
        }
        // The author stays connected: a disconnection would move the seq while we watch it.
        return (world, facilitator, caller, author);
    }
}
