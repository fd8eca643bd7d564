using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// A small café played through the hub with known figures: 2 participants on site and 1 remote,
/// 3 questions (one answered, one hidden), 4 polls of different kinds with split votes, one
/// speaking turn. Report tests compare what the report says with these figures and with the
/// session's own snapshot.
/// </summary>
internal sealed class ScriptedCafe : IAsyncDisposable
{
    private readonly List<CafeClient> _clients = [];

    public SessionCreated Created { get; private set; } = null!;
    public CafeClient Facilitator { get; private set; } = null!;
    public string[] Polls { get; private set; } = [];
    public string[] Questions { get; private set; } = [];

    public static async Task<ScriptedCafe> Play(Uri gateway)
    {
        var cafe = new ScriptedCafe();
        cafe.Created = await CafeClient.CreateSession(gateway, "Café IA, rapport");
        var created = cafe.Created;
        cafe.Facilitator = await cafe.Join(gateway, new JoinOptions(Key: created.FacilitatorKey));
        var f = cafe.Facilitator;
        await f.Invoke("StartSession");
        var alice = await cafe.Join(gateway, new JoinOptions("Alice", ParticipantMode.Onsite));
        var bob = await cafe.Join(gateway, new JoinOptions("Bob", ParticipantMode.Onsite));
        var chloe = await cafe.Join(gateway, new JoinOptions("Chloé", ParticipantMode.Remote));

        var q1 = (await alice.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("L'IA va-t-elle changer nos métiers ?"))).QuestionId;
        var q2 = (await chloe.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Qui contrôle les données, \"vraiment\" ?"))).QuestionId;
        var q3 = (await bob.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest("Hors sujet"))).QuestionId;
        cafe.Questions = [q1, q2, q3];
        await bob.Invoke("Upvote", new QuestionRef(q1));
        await chloe.Invoke("Upvote", new QuestionRef(q1));
        await alice.Invoke("Upvote", new QuestionRef(q2));
        await f.Invoke("MarkAnswered", new QuestionRef(q2));
        await f.Invoke("ReplyToQuestion", new ReplyRequest(q2, "Voir le compte rendu"));
        await f.Invoke<Announcement>("Announce", new AnnounceRequest("Pause café"));
        await f.Invoke("HideQuestion", new QuestionRef(q3));

        var single = await cafe.OpenPoll(new CreatePollRequest("Utilisez-vous l'IA au travail ?", PollKind.Single, ["oui", "non", "parfois"]));
        await alice.Invoke("Vote", new VoteRequest(single, [0]));
        await bob.Invoke("Vote", new VoteRequest(single, [2]));
        await chloe.Invoke("Vote", new VoteRequest(single, [0]));
        var cloud = await cafe.OpenPoll(new CreatePollRequest("Un mot pour l'IA ?", PollKind.WordCloud));
        await alice.Invoke("Vote", new VoteRequest(cloud, Words: ["éthique"]));
        await chloe.Invoke("Vote", new VoteRequest(cloud, Words: ["Éthique", "emploi"]));
        await bob.Invoke("Vote", new VoteRequest(cloud, Words: ["emploi"]));
        var rating = await cafe.OpenPoll(new CreatePollRequest("Votre confiance ?", PollKind.Rating, ScaleMax: 5));
        await alice.Invoke("Vote", new VoteRequest(rating, Rating: 4));
        await chloe.Invoke("Vote", new VoteRequest(rating, Rating: 2));
        var open = await cafe.OpenPoll(new CreatePollRequest("Une idée pour la suite ?", PollKind.OpenText));
        await alice.Invoke("Vote", new VoteRequest(open, Text: "Un atelier, pour tous"));
        await bob.Invoke("Vote", new VoteRequest(open, Text: "En attente de modération"));
        var snapshot = await f.Snapshot();
        var approved = snapshot.Polls.Single(p => p.Id == open).Results!.Answers!.Single(a => a.Text.StartsWith("Un atelier", StringComparison.Ordinal));
        await f.Invoke("ApproveAnswer", new AnswerRef(open, approved.Id));
        await f.Invoke("ClosePoll", new PollRef(single));
        cafe.Polls = [single, cloud, rating, open];

        await chloe.Invoke("RaiseHand", new OperationRequest());
        await f.Invoke<SpeakerCalled>("CallNextSpeaker", new OperationRequest());
        await chloe.Invoke("EndSpeaking", new OperationRequest());
        return cafe;
    }

    private async Task<CafeClient> Join(Uri gateway, JoinOptions options)
    {
        var client = await CafeClient.Join(gateway, Created.JoinCode, options);
        _clients.Add(client);
        return client;
    }

    private async Task<string> OpenPoll(CreatePollRequest request)
    {
        var poll = (await Facilitator.Invoke<PollCreated>("CreatePoll", request)).PollId;
        await Facilitator.Invoke("OpenPoll", new PollRef(poll));
        return poll;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }
}
