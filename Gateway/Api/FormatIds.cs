using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace CafeIA.Gateway.Api;

/// <summary>Format ids: "f" and 12 lower-case letters and digits, random (a catalogue id says nothing of who published it).</summary>
public static partial class FormatIds
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    [GeneratedRegex("^f[a-z0-9]{12}$")]
    private static partial Regex FormatIdPattern();

    public static string NewFormatId() => "f" + RandomNumberGenerator.GetString(Alphabet, 12);

    public static bool IsFormatId(string id) => FormatIdPattern().IsMatch(id);
}
