using System.Text;

namespace CafeIA.Domain.Profanity;

/// <summary>What the filter found in a text: whether it is flagged, and the text with each flagged word or phrase masked.</summary>
public sealed record ProfanityCheck(bool Flagged, string Masked);

/// <summary>
/// The profanity filter, French and English (word lists: Lists/SOURCE.md). A text is flagged
/// when one of its tokens, folded (case, accents, leetspeak: "c0nnard", "CONNARD" and "Connärd"
/// are "connard"), is a listed word, or a run of tokens is a listed phrase. Only whole tokens
/// match, so "Scunthorpe", "assassin" or "analyse" are not flagged. Tokens inside an allowed
/// word or phrase (allowed.txt: "la Manche", "cul-de-sac") are never flagged.
/// </summary>
public sealed class ProfanityFilter
{
    public const string Mask = "•••";

    private static readonly Lazy<ProfanityFilter> Lists = new(() => new ProfanityFilter(
        new WordList([
            .. WordList.Embedded("naughty-words.fr.json"),
            .. WordList.Embedded("naughty-words.en.json"),
            .. WordList.Embedded("french-badwords-list.txt"),
        ]),
        new WordList(WordList.Embedded("allowed.txt"))));

    private readonly WordList _flagged;
    private readonly WordList _allowed;

    private ProfanityFilter(WordList flagged, WordList allowed) => (_flagged, _allowed) = (flagged, allowed);

    /// <summary>The filter with the vendored lists.</summary>
    public static ProfanityFilter Default => Lists.Value;

    /// <summary>Distinct entries (words and phrases) the filter flags, once folded.</summary>
    public int Entries => _flagged.Count;

    public bool Flags(string text) => Spans(text).Count > 0;

    public ProfanityCheck Check(string text)
    {
        var spans = Spans(text);
        if (spans.Count == 0)
        {
            return new ProfanityCheck(false, text);
        }
        var masked = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end) in spans)
        {
            masked.Append(text, at, start - at).Append(Mask);
            at = end;
        }
        return new ProfanityCheck(true, masked.Append(text, at, text.Length - at).ToString());
    }

    /// <summary>The character ranges [start, end) of the flagged words and phrases, in order.</summary>
    private List<(int Start, int End)> Spans(string text)
    {
        var tokens = Folding.Tokens(text, leet: true);
        var allowed = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var n = _allowed.MatchAt(tokens, i);
            for (var k = 0; k < n; k++)
            {
                allowed[i + k] = true;
            }
        }
        var spans = new List<(int, int)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var n = allowed[i] ? 0 : _flagged.MatchAt(tokens, i);
            if (n > 0 && !allowed.AsSpan(i, n).Contains(true))
            {
                spans.Add((tokens[i].Start, tokens[i + n - 1].Start + tokens[i + n - 1].Length));
                i += n - 1;
            }
        }
        return spans;
    }
}
