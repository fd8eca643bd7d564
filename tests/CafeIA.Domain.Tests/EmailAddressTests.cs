namespace CafeIA.Domain.Tests;

/// <summary>The e-mail address a registration may carry: an ordinary mailbox, nothing a mail header could be bent with.</summary>
public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("lea@example.org", "lea@example.org")]
    [InlineData("  Lea.Martin+cafe@Example.ORG ", "Lea.Martin+cafe@example.org")]
    [InlineData("élodie@médiathèque.fr", "élodie@médiathèque.fr")]
    [InlineData("o'neil@mairie-brest.fr", "o'neil@mairie-brest.fr")]
    public void An_ordinary_mailbox_is_kept_with_its_domain_in_lower_case(string given, string kept)
    {
        Assert.Equal(kept, EmailAddress.Normalize(given, out var valid));
        Assert.True(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_address_is_no_address_and_no_error(string? given)
    {
        Assert.Null(EmailAddress.Normalize(given, out var valid));
        Assert.True(valid);
    }

    [Theory]
    [InlineData("lea")]
    [InlineData("lea@")]
    [InlineData("@example.org")]
    [InlineData("lea@localhost")]
    [InlineData("lea@@example.org")]
    [InlineData("lea@exa@mple.org")]
    [InlineData("lea martin@example.org")]
    [InlineData("lea@example.org\r\nBcc: all@example.org")]
    [InlineData("Léa <lea@example.org>")]
    [InlineData("lea,sam@example.org")]
    [InlineData("\"lea\"@example.org")]
    [InlineData(".lea@example.org")]
    [InlineData("lea.@example.org")]
    [InlineData("le..a@example.org")]
    [InlineData("lea@-example.org")]
    [InlineData("lea@example..org")]
    [InlineData("lea@exa_mple.org")]
    public void A_malformed_or_header_bending_address_is_refused(string given)
    {
        Assert.Null(EmailAddress.Normalize(given, out var valid));
        Assert.False(valid);
    }

    [Fact]
    public void An_address_longer_than_an_SMTP_path_allows_is_refused()
    {
        var longest = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 61), 3)) + ".org";
        Assert.Equal(EmailAddress.MaxLength, longest.Length);
        Assert.NotNull(EmailAddress.Normalize(longest, out _));
        Assert.Null(EmailAddress.Normalize("c" + longest, out var valid));
        Assert.False(valid);
        Assert.Null(EmailAddress.Normalize(new string('a', 65) + "@example.org", out _));
    }
}
