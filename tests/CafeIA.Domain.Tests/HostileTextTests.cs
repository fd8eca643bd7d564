using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>Text no keyboard produces is refused everywhere people type, and changes nothing.</summary>
public sealed class HostileTextTests
{
    // By index: test runners re-encode theory strings and would mend the broken surrogates.
    private static readonly string[] Hostile =
    [
        "bell\u0007",
        "nul\u0000byte",
        "escape\u001b[31m",
        "lone \ud800 surrogate",
        "reversed \udc00\ud800 pair",
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Control_characters_and_broken_UTF16_are_invalid(int which)
    {
        var text = Hostile[which];
        var f = new SessionFixture();
        Refused(f.Session.Ask(f.Alice, new AskQuestionRequest(text)), RefusalCodes.Invalid);
        Refused(f.Session.Join(new JoinOptions(text)), RefusalCodes.Invalid);
        Refused(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest(text, PollKind.Single, ["a", "b"])), RefusalCodes.Invalid);
        Refused(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("?", PollKind.Single, ["a", text])), RefusalCodes.Invalid);
        var cloud = Ok(f.Session.CreatePoll(f.Facilitator, new CreatePollRequest("?", PollKind.WordCloud))).PollId;
        Ok(f.Session.OpenPoll(f.Facilitator, cloud));
        f.Session.TakeChanges();
        Refused(f.Session.Vote(f.Alice, new VoteRequest(cloud, Words: [text])), RefusalCodes.Invalid);
        Assert.Null(f.Session.TakeChanges());
        Assert.Empty(f.Session.State.Questions);
    }

    [Fact]
    public void Line_breaks_tabs_emoji_and_accents_are_fine()
    {
        var f = new SessionFixture();
        var id = Ok(f.Session.Ask(f.Alice, new AskQuestionRequest("Première ligne\n\tdeuxième 🤖 « café »"))).QuestionId;
        Assert.Equal("Première ligne\n\tdeuxième 🤖 « café »", f.Question(id, f.Bob).Text);
    }
}
