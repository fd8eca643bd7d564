using CafeIA.Grains.Abstractions;

namespace CafeIA.Domain.Tests;

public sealed class JoinCodeTests
{
    [Fact]
    public void New_codes_have_six_characters_from_the_unambiguous_alphabet()
    {
        for (var i = 0; i < 1000; i++)
        {
            var code = JoinCode.New();
            Assert.Equal(6, code.Length);
            Assert.All(code, c => Assert.Contains(c, JoinCode.Alphabet));
        }
    }

    [Fact]
    public void Alphabet_has_no_look_alike_characters()
    {
        foreach (var ambiguous in "01OILUV")
        {
            Assert.DoesNotContain(ambiguous, JoinCode.Alphabet);
        }
    }

    [Theory]
    [InlineData("abc234", "ABC234")]
    [InlineData(" AB C-234 ", "ABC234")]
    [InlineData("ABC23", null)]
    [InlineData("ABC2340", null)]
    [InlineData("ABC0O1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_accepts_what_people_type_and_rejects_the_rest(string? input, string? expected) =>
        Assert.Equal(expected, JoinCode.Normalize(input));
}
