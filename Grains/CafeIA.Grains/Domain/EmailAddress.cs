namespace CafeIA.Domain;

/// <summary>
/// The e-mail address a person may give when registering for a café: an ordinary mailbox
/// (local@domain.tld), nothing a mail header could be bent with (no spaces, quotes, angle
/// brackets, commas or line breaks), 254 characters at most (RFC 5321's path limit).
/// </summary>
public static class EmailAddress
{
    public const int MaxLength = 254;
    private const int MaxLocalLength = 64;
    private const int MaxLabelLength = 63;
    private const string LocalSymbols = "!#$%&'*+-/=?^_`{|}~.";

    /// <summary>Null with <paramref name="valid"/> true when none was given; the address with its domain in lower case when valid.</summary>
    public static string? Normalize(string? text, out bool valid)
    {
        valid = true;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var address = text.Trim();
        var at = address.IndexOf('@');
        valid = address.Length <= MaxLength && at > 0 && at == address.LastIndexOf('@')
            && IsLocalPart(address[..at]) && IsDomain(address[(at + 1)..]);
        return valid ? address[..at] + "@" + address[(at + 1)..].ToLowerInvariant() : null;
    }

    private static bool IsLocalPart(string local) =>
        local.Length <= MaxLocalLength && local[0] != '.' && local[^1] != '.' && !local.Contains("..", StringComparison.Ordinal)
        && local.All(c => char.IsAsciiLetterOrDigit(c) || LocalSymbols.Contains(c) || (c > 127 && char.IsLetterOrDigit(c)));

    /// <summary>At least two labels (a mailbox on a bare host name is not meant for the public), each letters, digits and inner hyphens.</summary>
    private static bool IsDomain(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 2 && labels.All(label =>
            label.Length is > 0 and <= MaxLabelLength && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || (c > 127 && char.IsLetterOrDigit(c))));
    }
}
