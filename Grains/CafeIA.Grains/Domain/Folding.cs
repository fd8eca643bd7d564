using System.Globalization;
using System.Text;

namespace CafeIA.Domain;

/// <summary>
/// Text as the profanity filter and the duplicate finder compare it: split into tokens, each
/// folded to lower case without accents ("Connärd" → "connard", "Œuvre" → "oeuvre").
/// </summary>
public static class Folding
{
    /// <summary>A token of the text: where it starts, its length, and its folded form.</summary>
    public readonly record struct Token(int Start, int Length, string Folded);

    /// <summary>
    /// Runs of letters and digits (and, with <paramref name="leet"/>, '@' and '$' inside words),
    /// each folded; with <paramref name="leet"/> digits and symbols read as the letters they
    /// stand for (0→o, 1→i, 3→e, 4→a, @→a, $→s, 5→s, 7→t) and each emoji is a token of its own.
    /// </summary>
    public static List<Token> Tokens(string text, bool leet = false)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (leet && char.IsSurrogatePair(text, i) && char.GetUnicodeCategory(text, i) == UnicodeCategory.OtherSymbol)
            {
                tokens.Add(new Token(i, 2, text.Substring(i, 2)));
                i += 2;
                continue;
            }
            if (!IsWordChar(text[i], leet))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && IsWordChar(text[i], leet))
            {
                i++;
            }
            var folded = Fold(text.AsSpan(start, i - start), leet);
            if (folded.Length > 0)
            {
                tokens.Add(new Token(start, i - start, folded));
            }
        }
        return tokens;
    }

    /// <summary>Lower case, accents removed, ligatures spelt out (and leetspeak read as letters).</summary>
    public static string Fold(ReadOnlySpan<char> word, bool leet = false)
    {
        var decomposed = word.ToString().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            switch (lower)
            {
                case 'œ': folded.Append("oe"); continue;
                case 'æ': folded.Append("ae"); continue;
                case 'ß': folded.Append("ss"); continue;
            }
            folded.Append(leet ? Leet(lower) : lower);
        }
        return folded.ToString();
    }

    private static char Leet(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '@' => 'a',
        '$' => 's',
        '5' => 's',
        '7' => 't',
        _ => c,
    };

    private static bool IsWordChar(char c, bool leet) =>
        char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        || (leet && c is '@' or '$');
}
