using CafeIA.Gateway.Fanout;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Fanout;

/// <summary>Which settled words of a programme go to the phones at once.</summary>
public sealed class SettledCountsTests
{
    private static ProgrammePollView Poll(string id, params int[] counts) =>
        new(id, "?", PollKind.Single, ["oui", "non"], new Tally(counts, counts, new int[counts.Length], counts.Sum(), counts.Sum(), 0, 3));

    private static ProgrammeView View(params ProgrammePollView[] polls) => new("p", "Journée", 3, polls);

    [Fact]
    public void A_poll_just_pushed_settles_without_going_to_the_phones_and_its_ballots_then_do()
    {
        var counts = new SettledCounts();
        var warmedUp = View(Poll("n1", 4, 6));
        counts.Seen(warmedUp);
        Assert.False(counts.Settled(warmedUp));

        // The organiser pushes n2: settled before any ballot reached the programme.
        Assert.False(counts.Settled(View(Poll("n1", 4, 6), Poll("n2", 0, 0))));
        // Its ballots, then their final count.
        Assert.True(counts.Settled(View(Poll("n1", 4, 6), Poll("n2", 120, 80))));
        Assert.False(counts.Settled(View(Poll("n1", 4, 6), Poll("n2", 120, 80))));
    }

    [Fact]
    public void A_ballot_changed_to_another_option_is_a_change_though_the_voters_are_as_many()
    {
        var counts = new SettledCounts();
        counts.Seen(View(Poll("n1", 10, 5)));
        Assert.False(counts.Settled(View(Poll("n1", 10, 5))));
        Assert.True(counts.Settled(View(Poll("n1", 9, 6))));
    }

    [Fact]
    public void The_first_view_received_is_what_the_phones_are_taken_to_have()
    {
        var counts = new SettledCounts();
        counts.Seen(View(Poll("n1", 1, 0)));
        counts.Seen(View(Poll("n1", 7, 3)));
        // A gateway that met the programme mid-vote: the settled word after it goes to the phones.
        Assert.True(counts.Settled(View(Poll("n1", 7, 3))));
    }
}
