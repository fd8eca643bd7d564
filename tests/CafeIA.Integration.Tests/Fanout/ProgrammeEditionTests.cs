using CafeIA.Grains.Abstractions;

namespace CafeIA.Integration.Tests.Fanout;

/// <summary>Which of two national updates a gateway keeps when they arrive out of order.</summary>
public sealed class ProgrammeEditionTests
{
    [Fact]
    public void A_later_number_of_the_same_activation_is_newer_and_an_earlier_one_or_the_same_is_not()
    {
        var third = new ProgrammeEdition(1_000, 3);
        Assert.True(new ProgrammeEdition(1_000, 4).IsNewerThan(third));
        Assert.False(new ProgrammeEdition(1_000, 2).IsNewerThan(third));
        Assert.False(new ProgrammeEdition(1_000, 3).IsNewerThan(third));
    }

    [Fact]
    public void Another_activation_is_newer_whatever_its_number_or_its_clock()
    {
        var before = new ProgrammeEdition(1_000, 250);
        Assert.True(new ProgrammeEdition(2_000, 1).IsNewerThan(before));
        // A silo whose clock is behind: its activation still replaces the one the gateway had.
        Assert.True(new ProgrammeEdition(500, 1).IsNewerThan(before));
    }

    [Fact]
    public void Anything_is_newer_than_nothing_received()
    {
        Assert.True(new ProgrammeEdition(1_000, 1).IsNewerThan(null));
    }
}
