using System.Net.Http.Json;
using System.Reflection;
using CafeIA.Gateway.Hubs;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;
using Microsoft.AspNetCore.SignalR;

namespace CafeIA.Integration.Tests.Security;

/// <summary>
/// The hub's authorization matrix, shared by the callers with keys (<see cref="AuthorizationMatrixTests"/>)
/// and the signed-in ones (<see cref="SignedInHubMatrixTests"/>): every hub method with who may call it,
/// a live café to call it on, and the check that a refused call is <c>forbidden</c> and changes nothing.
/// </summary>
internal static class HubMatrix
{
    public const string Everyone = "participant moderator facilitator";
    public const string Staff = "moderator facilitator";
    public const string Facilitator = "facilitator";

    /// <summary>Method, who may call it (by role name), and a payload aimed at real objects of the session.</summary>
    public static (string Method, string Allowed, Func<HubWorld, object?> Payload)[] Methods =>
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

    /// <summary>
    /// What a client can invoke on CafeHub, by reflection (as SignalR finds hub methods): its public
    /// methods, less JoinSession (how a caller gets a role, not a use of one) and the target that
    /// StrictJsonHubProtocol reroutes malformed calls to (no client can name it).
    /// </summary>
    public static string[] HubMethods() =>
    [
        .. typeof(CafeHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(CafeHub))
            .Where(m => m.GetCustomAttribute<HubMethodNameAttribute>()?.Name != StrictJsonHubProtocol.MalformedTarget)
            .Select(m => m.Name)
            .Where(name => name != nameof(CafeHub.JoinSession))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The table's rows for every hub method; a method the table forgot fails here, not silently.</summary>
    public static (string Method, string Allowed, Func<HubWorld, object?> Payload)[] EveryMethod()
    {
        var missing = HubMethods().Except(Methods.Select(m => m.Method)).ToArray();
        Assert.True(missing.Length == 0, $"Hub methods missing from the matrix: {string.Join(", ", missing)}");
        var unknown = Methods.Select(m => m.Method).Except(HubMethods()).ToArray();
        Assert.True(unknown.Length == 0, $"Matrix rows naming no hub method: {string.Join(", ", unknown)}");
        return Methods;
    }

    /// <summary>
    /// Calls <paramref name="method"/> as <paramref name="caller"/> and checks the answer: not
    /// <c>forbidden</c> when <paramref name="allowed"/>, else <c>forbidden</c> with the session's seq unmoved.
    /// </summary>
    public static async Task Check(ArrangedCafe cafe, CafeClient caller, string who, string method, Func<HubWorld, object?> payload, bool allowed)
    {
        var seqBefore = (await cafe.Facilitator.Snapshot()).Seq;
        var args = payload(cafe.World) is { } p ? new[] { p } : [];
        string? code = null;
        try
        {
            await caller.Hub.Call(method, args);
        }
        catch (CallRefusedException ex)
        {
            code = ex.Code;
        }
        if (allowed)
        {
            Assert.True(code != RefusalCodes.Forbidden, $"{who} should be allowed {method}");
        }
        else
        {
            Assert.True(code == RefusalCodes.Forbidden, $"{who} calling {method}: expected forbidden, got {code ?? "success"}");
            Assert.Equal(seqBefore, (await cafe.Facilitator.Snapshot()).Seq);
        }
    }

    /// <summary>
    /// A live café (the session <paramref name="created"/>) with a question, an open poll, a kiosk, an
    /// open opinion map and a programme to join: its facilitator and the question's author stay connected
    /// (a disconnection would move the seq while a test watches it).
    /// </summary>
    public static async Task<ArrangedCafe> Arrange(Uri baseAddress, SessionCreated created)
    {
        var facilitator = await CafeClient.Join(baseAddress, created.JoinCode, new JoinOptions(Key: created.FacilitatorKey));
        await facilitator.Invoke("StartSession");
        var author = await CafeClient.Join(baseAddress, created.JoinCode, new JoinOptions("Auteur"));
        var question = (await author.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Première ?"))).QuestionId;
        var poll = (await facilitator.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("?", PollKind.Single, ["a", "b"]))).PollId;
        await facilitator.Invoke("OpenPoll", new PollRef(poll));
        using var http = new HttpClient { BaseAddress = baseAddress };
        var programme = (await (await http.PostAsJsonAsync("/api/programmes", new { title = "Programme" }))
            .Content.ReadFromJsonAsync<ProgrammeCreated>())!;
        var kiosk = await facilitator.Invoke<KioskLinkView>("CreateKioskLink", new CreateKioskLinkRequest("Entrée"));
        var opinion = (await facilitator.Invoke<OpinionCreated>("CreateOpinion", new CreateOpinionRequest("Carte", ["Première"]))).OpinionId;
        await facilitator.Invoke("OpenOpinion", new OpinionRef(opinion));
        return new ArrangedCafe(new HubWorld(created, question, poll, author.ParticipantId, programme, kiosk, opinion), facilitator, author);
    }
}

internal sealed record HubWorld(SessionCreated Session, string Question, string Poll, string ParticipantId, ProgrammeCreated Programme, KioskLinkView Kiosk,
    string Opinion);

/// <summary>A café arranged for the matrix: its objects, and its facilitator and author, connected until disposed.</summary>
internal sealed record ArrangedCafe(HubWorld World, CafeClient Facilitator, CafeClient Author) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Facilitator.DisposeAsync();
        await Author.DisposeAsync();
    }
}
