using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>Every poll kind: valid ballots count once per participant, change while open, and are refused closed.</summary>
public sealed class PollKindTests
{
    private static string Open(SessionFixture f, CreatePollRequest request)
    {
        var poll = Ok(f.Session.CreatePoll(f.Facilitator, request)).PollId;
        Ok(f.Session.OpenPoll(f.Facilitator, poll));
        f.Session.TakeChanges();
        return poll;
    }

    private static PollResults Results(SessionFixture f, string poll) => f.Poll(poll, f.Facilitator).Results!;

    [Fact]
    public void Multiple_choice_respects_its_maximum_number_of_choices()
    {
        var f = new SessionFixture();
        var poll = Open(f, new CreatePollRequest("Vos usages ?", PollKind.Multiple, ["écrire", "traduire", "coder", "dessiner"], MaxChoices: 2));
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, [0, 1, 2])), RefusalCodes.Invalid);
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [0, 1])));
        Assert.Equal([1, 1, 0, 0], Results(f, poll).Counts);
        Refused(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("?", PollKind.Multiple, ["a", "b"], MaxChoices: 3)), RefusalCodes.Invalid);
    }

    [Fact]
    public void Word_cloud_ballots_take_one_to_three_short_words()
    {
        var f = new SessionFixture();
        var poll = Open(f, new CreatePollRequest("Un mot pour l'IA ?", PollKind.WordCloud));
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, Words: [])), RefusalCodes.Invalid);
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, Words: ["un", "deux", "trois", "quatre"])), RefusalCodes.Invalid);
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, Words: ["  ...  "])), RefusalCodes.Invalid);
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, Words: [new string('a', 31)])), RefusalCodes.Invalid);
        Assert.Equal(0, Results(f, poll).Voters);

        var accepted = Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, Words: ["Peur", "peur !", "avenir"])));
        // The answer is the ballot as stored, which the phone shows: the repeated word is gone.
        Assert.Equal(poll, accepted.PollId);
        Assert.Equal(["Peur", "avenir"], accepted.Words!);
        Assert.Null(accepted.Choices);
        Assert.Equal(accepted.Words, Ok(f.Session.Snapshot(f.Alice)).Polls.Single(p => p.Id == poll).MyWords);
        var words = Results(f, poll).Words!;
        Assert.Equal([("avenir", 1), ("Peur", 1)], words.Select(w => (w.Word, w.Count)).OrderBy(w => w.Word, StringComparer.OrdinalIgnoreCase));

        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, Words: ["espoir"])));
        Assert.Equal([("espoir", 1)], Results(f, poll).Words!.Select(w => (w.Word, w.Count)));
        Assert.Equal(1, Results(f, poll).Voters);
    }

    [Fact]
    public void Word_cloud_groups_French_words_across_case_and_punctuation_but_keeps_accents()
    {
        var f = new SessionFixture();
        var poll = Open(f, new CreatePollRequest("L'IA en un mot ?", PollKind.WordCloud));
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, Words: ["Éthique", "« Créativité »"])));
        Ok(f.Session.Vote(f.Bob, new VoteRequest(poll, Words: ["éthique.", "créativité"])));
        Ok(f.Session.Vote(f.Chloe, new VoteRequest(poll, Words: ["ÉTHIQUE", "ethique", "  esprit   critique ? "])));

        // Grouped by lower case with accents kept: one entry per group, whatever spelling it shows.
        var words = Results(f, poll).Words!.ToDictionary(w => w.Word.ToLower(System.Globalization.CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal(4, words.Count);
        Assert.Equal((3, 2, 1), (words["éthique"].Count, words["éthique"].Onsite, words["éthique"].Remote));
        Assert.Equal(1, words["ethique"].Count);
        Assert.Equal(2, words["créativité"].Count);
        Assert.Equal(("esprit critique", 1), (words["esprit critique"].Word, words["esprit critique"].Count));
    }

    [Fact]
    public void Word_cloud_shows_each_word_in_its_most_frequent_spelling()
    {
        var f = new SessionFixture();
        var poll = Open(f, new CreatePollRequest("?", PollKind.WordCloud));
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, Words: ["IA"])));
        Ok(f.Session.Vote(f.Bob, new VoteRequest(poll, Words: ["ia"])));
        Ok(f.Session.Vote(f.Chloe, new VoteRequest(poll, Words: ["IA"])));
        Assert.Equal(("IA", 3), Results(f, poll).Words!.Select(w => (w.Word, w.Count)).Single());
    }

    [Fact]
    public void Rating_scale_counts_a_distribution_and_means_per_mode()
    {
        var f = new SessionFixture();
        var poll = Open(f, new CreatePollRequest("Confiance, de 1 à 5 ?", PollKind.Rating, ScaleMax: 5, MinLabel: "aucune", MaxLabel: "totale"));
        Assert.Equal(["1", "2", "3", "4", "5"], f.Poll(poll, f.Alice).Options);
        Assert.Equal(("aucune", "totale"), (f.Poll(poll, f.Alice).MinLabel, f.Poll(poll, f.Alice).MaxLabel));
        foreach (var bad in new int?[] { 0, 6, -1, null })
        {
            Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, Rating: bad)), RefusalCodes.Invalid);
        }
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, Rating: 4)));
        Ok(f.Session.Vote(f.Bob, new VoteRequest(poll, Rating: 2)));
        Ok(f.Session.Vote(f.Chloe, new VoteRequest(poll, Rating: 5)));
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, Rating: 5)));
        var results = Results(f, poll);
        Assert.Equal([0, 1, 0, 0, 2], results.Counts);
        Assert.Equal([0, 1, 0, 0, 1], results.Onsite);
        Assert.Equal(new RatingMeans(4, 3.5, 5), results.Mean);
        Assert.Equal(3, results.Voters);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public void Rating_scales_go_from_2_to_10(int max)
    {
        var f = new SessionFixture();
        Refused(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("?", PollKind.Rating, ScaleMax: max)), RefusalCodes.Invalid);
    }

    [Fact]
    public void Open_text_answers_are_shown_only_once_approved_and_a_changed_answer_waits_again()
    {
        var f = new SessionFixture();
        var poll = Open(f, new CreatePollRequest("Une idée pour la prochaine fois ?", PollKind.OpenText));
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, Text: "  ")), RefusalCodes.Invalid);
        Refused(f.Session.Vote(f.Alice, new VoteRequest(poll, Text: new string('x', 281))), RefusalCodes.Invalid);
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, Text: "Un atelier pratique")));

        var staff = Assert.Single(Results(f, poll).Answers!);
        Assert.Equal(AnswerStatus.Pending, staff.Status);
        Assert.Empty(f.Poll(poll, f.Bob).Results!.Answers!);
        Refused(f.Session.ModerateAnswer(f.Bob, new AnswerRef(poll, staff.Id), approve: true), RefusalCodes.Forbidden);

        Ok(f.Session.ModerateAnswer(f.Facilitator, new AnswerRef(poll, staff.Id), approve: true));
        Assert.Equal("Un atelier pratique", Assert.Single(f.Poll(poll, f.Bob).Results!.Answers!).Text);

        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, Text: "Un atelier pratique, en petits groupes")));
        Assert.Empty(f.Poll(poll, f.Bob).Results!.Answers!);
        Assert.Equal(staff.Id, Assert.Single(Results(f, poll).Answers!).Id);
        Assert.Equal(1, Results(f, poll).Voters);
    }

    [Fact]
    public void Every_kind_refuses_ballots_once_closed()
    {
        var f = new SessionFixture();
        var requests = new (CreatePollRequest Poll, VoteRequest Ballot)[]
        {
            (new("?", PollKind.Single, ["a", "b"]), new(null, Choices: [0])),
            (new("?", PollKind.Multiple, ["a", "b"]), new(null, Choices: [0, 1])),
            (new("?", PollKind.WordCloud), new(null, Words: ["mot"])),
            (new("?", PollKind.Rating, ScaleMax: 3), new(null, Rating: 2)),
            (new("?", PollKind.OpenText), new(null, Text: "réponse")),
        };
        foreach (var (definition, ballot) in requests)
        {
            var poll = Open(f, definition);
            Ok(f.Session.Vote(f.Alice, ballot with { PollId = poll }));
            Ok(f.Session.ClosePoll(f.Facilitator, poll));
            Refused(f.Session.Vote(f.Bob, ballot with { PollId = poll }), RefusalCodes.Closed);
            Assert.Equal(1, Results(f, poll).Voters);
        }
    }

    [Fact]
    public void Hidden_results_are_not_sent_to_participants_until_revealed()
    {
        var f = new SessionFixture();
        var poll = Open(f, new CreatePollRequest("Secret ?", PollKind.Single, ["oui", "non"], HideResults: true));
        Ok(f.Session.Vote(f.Alice, new VoteRequest(poll, [0])));

        var changes = f.Session.TakeChanges()!;
        Assert.Empty(changes.For(Audience.Participants).Events);
        Assert.Equal([1, 0], Assert.IsType<PollResultsChanged>(Assert.Single(changes.For(Audience.Staff).Events)).Results.Counts);
        Assert.Equal([1, 0], Assert.IsType<PollResultsChanged>(Assert.Single(changes.For(Audience.Projector).Events)).Results.Counts);
        Assert.Null(f.Poll(poll, f.Bob).Results);
        Assert.Null(f.Poll(poll, f.Alice).Results);
        var projector = f.Join(new JoinOptions(Key: f.Created.ProjectorKey)).ParticipantId;
        Assert.Equal([1, 0], f.Poll(poll, projector).Results!.Counts);
        f.Session.TakeChanges();

        Refused(f.Session.RevealResults(f.Alice, poll), RefusalCodes.Forbidden);
        Ok(f.Session.RevealResults(f.Facilitator, poll));
        var revealed = Assert.IsType<PollUpdated>(Assert.Single(f.EventsFor(Audience.Participants)));
        Assert.Equal([1, 0], revealed.Poll.Results!.Counts);
        Ok(f.Session.Vote(f.Bob, new VoteRequest(poll, [1])));
        Assert.Equal([1, 1], Assert.IsType<PollResultsChanged>(Assert.Single(f.EventsFor(Audience.Participants))).Results.Counts);
    }

    [Fact]
    public void Drafts_are_for_the_staff_and_can_be_edited_until_opened_then_deleted()
    {
        var f = new SessionFixture(live: false);
        var poll = Ok(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("Brouillon", PollKind.Single, ["a", "b"]))).PollId;
        var changes = f.Session.TakeChanges()!;
        Assert.Empty(changes.For(Audience.Participants).Events);
        Assert.IsType<PollUpdated>(Assert.Single(changes.For(Audience.Staff).Events));

        Ok(f.Session.EditPoll(f.Facilitator, new EditPollRequest(poll, "Prêt ?", PollKind.Rating, ScaleMax: 4)));
        var edited = f.Poll(poll, f.Facilitator);
        Assert.Equal(("Prêt ?", PollKind.Rating, 4), (edited.Question, edited.Kind, edited.Options.Length));
        Refused(f.Session.EditPoll(f.Facilitator, new EditPollRequest(poll, "", PollKind.Single)), RefusalCodes.Invalid);
        Assert.Equal("Prêt ?", f.Poll(poll, f.Facilitator).Question);

        Ok(f.Session.SetPhase(f.Facilitator, SessionPhase.Live));
        Ok(f.Session.OpenPoll(f.Facilitator, poll));
        Refused(f.Session.EditPoll(f.Facilitator, new EditPollRequest(poll, "Trop tard", PollKind.Rating)), RefusalCodes.Invalid);
        f.Session.TakeChanges();

        Refused(f.Session.DeletePoll(f.Alice, poll), RefusalCodes.Forbidden);
        Ok(f.Session.DeletePoll(f.Facilitator, poll));
        Assert.Equal(new PollRemoved(poll), Assert.Single(f.EventsFor(Audience.Participants)));
        Assert.Empty(Ok(f.Session.Snapshot(f.Facilitator)).Polls);
    }

    [Fact]
    public void Several_polls_can_be_open_at_once()
    {
        var f = new SessionFixture();
        var first = Open(f, new CreatePollRequest("Un ?", PollKind.Single, ["a", "b"]));
        var second = Open(f, new CreatePollRequest("Deux ?", PollKind.WordCloud));
        Ok(f.Session.Vote(f.Alice, new VoteRequest(first, [1])));
        Ok(f.Session.Vote(f.Alice, new VoteRequest(second, Words: ["mot"])));
        Assert.All(Ok(f.Session.Snapshot(f.Alice)).Polls, p => Assert.Equal(PollState.Open, p.State));
    }
}
