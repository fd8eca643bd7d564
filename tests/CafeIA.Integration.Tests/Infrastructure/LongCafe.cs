using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// A café at the limits the screens must hold, played through the hub: a 120-character title,
/// 10 questions of 500 characters (one pinned), a 10-option poll with 100-character labels, a
/// word cloud of 60 different words, and 5 polls in all, voted on from both rooms.
/// </summary>
internal sealed class LongCafe : IAsyncDisposable
{
    private readonly List<CafeClient> _clients = [];

    public SessionCreated Created { get; private set; } = null!;
    public CafeClient Facilitator { get; private set; } = null!;
    /// <summary>The 10-option poll, the word cloud, then three short polls (rating, multiple, open text).</summary>
    public string[] Polls { get; private set; } = [];
    public string[] Questions { get; private set; } = [];
    public string LongPoll => Polls[0];
    public string WordCloud => Polls[1];

    public static readonly string Title = Fill("Café IA à la médiathèque : l'intelligence artificielle dans notre quotidien, au travail, à l'école et chez soi", 120);

    private static readonly string[] Words =
    [
        "éthique", "emploi", "données", "santé", "école", "climat", "confidentialité", "création", "travail", "avenir",
        "liberté", "contrôle", "justice", "solidarité", "démocratie", "information", "désinformation", "robots", "médecine", "transport",
        "énergie", "culture", "musique", "science", "recherche", "sécurité", "surveillance", "éducation", "enfants", "parents",
        "aînés", "handicap", "accessibilité", "traduction", "agriculture", "industrie", "commerce", "banque", "assurance", "impôts",
        "mairie", "bibliothèque", "lecture", "jeux", "sport", "loisirs", "voyages", "météo", "cuisine", "nature",
        "animaux", "confiance", "inquiétude", "espoir", "progrès", "responsabilité", "transparence", "algorithmes", "automatisation", "apprentissage",
    ];

    public static async Task<LongCafe> Play(Uri gateway, bool start = true)
    {
        var cafe = new LongCafe { Created = await CafeClient.CreateSession(gateway, Title) };
        var created = cafe.Created;
        cafe.Facilitator = await cafe.Join(gateway, new JoinOptions(Key: created.FacilitatorKey));
        var f = cafe.Facilitator;
        if (start)
        {
            await f.Invoke("StartSession");
        }
        var options = Enumerable.Range(1, 10).Select(i => Fill($"Réponse {i} : une proposition longue pour voir comment l'écran la présente", 100)).ToArray();
        var polls = new List<string>
        {
            (await f.Invoke<PollCreated>("CreatePoll", new CreatePollRequest(Fill("Quelle place l'IA devrait-elle prendre dans les services publics de notre commune d'ici cinq ans", 200), PollKind.Single, options))).PollId,
            (await f.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("L'IA en un mot ?", PollKind.WordCloud))).PollId,
            (await f.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Votre confiance dans l'IA ?", PollKind.Rating, ScaleMax: 5, MinLabel: "aucune", MaxLabel: "totale"))).PollId,
            (await f.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Où l'utilisez-vous ?", PollKind.Multiple, ["maison", "travail", "école", "démarches"]))).PollId,
            (await f.Invoke<PollCreated>("CreatePoll", new CreatePollRequest("Une idée pour la commune ?", PollKind.OpenText))).PollId,
        };
        cafe.Polls = [.. polls];
        if (!start)
        {
            return cafe;
        }
        foreach (var poll in polls)
        {
            await f.Invoke("OpenPoll", new PollRef(poll));
        }
        var questions = new List<string>();
        var people = new List<CafeClient>();
        for (var i = 0; i < 20; i++)
        {
            var person = await cafe.Join(gateway, new JoinOptions($"Personne {i + 1}", i % 3 == 0 ? ParticipantMode.Onsite : ParticipantMode.Remote));
            await person.Invoke("Vote", new VoteRequest(polls[0], [i % 10]));
            await person.Invoke("Vote", new VoteRequest(polls[1], Words: Words.Skip(i * 3).Take(3).ToArray()));
            await person.Invoke("Vote", new VoteRequest(polls[2], Rating: 1 + i % 5));
            if (i < 10)
            {
                questions.Add((await person.Invoke<QuestionCreated>("AskQuestion", new AskQuestionRequest(
                    Fill($"{i + 1}. Comment s'assurer que les décisions prises avec des algorithmes dans les services publics restent transparentes, contestables et justes pour tous, y compris pour celles et ceux qui n'ont pas accès au numérique ?", 500)))).QuestionId);
            }
            people.Add(person);
        }
        // Question n gets 2n upvotes: a ranking without ties, question 10 on top.
        for (var j = 0; j < people.Count; j++)
        {
            for (var q = 0; q < questions.Count; q++)
            {
                if (j >= 2 * (9 - q))
                {
                    await people[j].Invoke("Upvote", new QuestionRef(questions[q]));
                }
            }
        }
        cafe.Questions = [.. questions];
        await f.Invoke("PinQuestion", new QuestionRef(questions[4]));
        return cafe;
    }

    /// <summary>The text, repeated with spaces to exactly <paramref name="length"/> characters.</summary>
    private static string Fill(string text, int length)
    {
        var filled = text;
        while (filled.Length < length)
        {
            filled += " " + text;
        }
        // No trailing space: the server trims, and the length must hold exactly.
        var cut = filled[..length];
        return cut.EndsWith(' ') ? cut[..^1] + "." : cut;
    }

    private async Task<CafeClient> Join(Uri gateway, JoinOptions options)
    {
        var client = await CafeClient.Join(gateway, Created.JoinCode, options);
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }
}
