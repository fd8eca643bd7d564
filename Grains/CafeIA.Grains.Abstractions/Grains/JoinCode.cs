using System.Security.Cryptography;

namespace CafeIA.Grains.Abstractions;

/// <summary>
/// Six characters from an alphabet without look-alikes (no 0/O, 1/I/L, U/V): easy to read
/// aloud in a room and to type on a phone. 29^6 ≈ 595 million codes.
/// </summary>
public static class JoinCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    public const int Length = 6;

    public static string New()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(code);
    }

    /// <summary>Upper-cases and drops spaces and dashes people type; null if it cannot be a code.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null || input.Length > 32)
        {
            return null;
        }
        var chars = input.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray();
        if (chars.Length != Length || chars.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }
        return new string(chars);
    }
}
