using System.Globalization;
using System.Text;
using CafeIA.Wire;

namespace CafeIA.Domain.Polls;

/// <summary>
/// Word-cloud words. A word is trimmed of surrounding spaces and punctuation and its inner spaces
/// collapsed; words are grouped by their lower-case form with accents kept ("Éthique" and
/// "éthique" are one word, "ethique" another), each group shown in its most frequent spelling.
/// </summary>
public static class WordCloud
{
    /// <summary>The word as typed, cleaned; null when nothing is left.</summary>
    public static string? Clean(string? raw)
    {
        if (raw is null)
        {
            return null;
        }
        var text = raw.Normalize(NormalizationForm.FormC);
        var start = 0;
        var end = text.Length;
        while (start < end && IsTrimmed(text[start]))
        {
            start++;
        }
        while (end > start && IsTrimmed(text[end - 1]))
        {
            end--;
        }
        var cleaned = string.Join(' ', text[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>What identical words share: the cleaned word in lower case, accents kept.</summary>
    public static string Key(string cleaned) => cleaned.ToLower(CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>
    /// The keys of the words held back from everyone but the staff: those the staff held back,
    /// and those the profanity filter flagged that the staff have not approved.
    /// </summary>
    public static HashSet<string> HeldWords(Poll poll)
    {
        var decisions = poll.WordDecisions ?? [];
        var held = new HashSet<string>(decisions.Where(d => !d.Value).Select(d => d.Key), StringComparer.Ordinal);
        foreach (var ballot in poll.Ballots.Values)
        {
            foreach (var key in ballot.FlaggedWords ?? [])
            {
                if (!decisions.GetValueOrDefault(key))
                {
                    held.Add(key);
                }
            }
        }
        return held;
    }

    /// <summary>
    /// The most frequent words with their on-site and remote counts, most frequent first. Held
    /// words are left out, or (for the staff) kept and marked flagged; a word the profanity filter
    /// masked entirely ("•••") is left out for everyone.
    /// </summary>
    public static WordCount[] Group(IEnumerable<Ballot> ballots, int size, IReadOnlySet<string>? held = null, bool showHeld = false)
    {
        var groups = new Dictionary<string, WordGroup>(StringComparer.Ordinal);
        foreach (var ballot in ballots)
        {
            foreach (var word in ballot.Words ?? [])
            {
                var key = Key(word);
                if (word.Replace(Profanity.ProfanityFilter.Mask, "", StringComparison.Ordinal).Trim().Length == 0
                    || (!showHeld && held?.Contains(key) == true))
                {
                    continue;
                }
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = new WordGroup();
                }
                group.Add(word, ballot.Mode);
            }
        }
        return [.. groups.Values
            .OrderByDescending(g => g.Count).ThenBy(g => g.Display, StringComparer.Ordinal)
            .Take(size)
            .Select(g => new WordCount(g.Display, g.Count, g.Onsite, g.Count - g.Onsite,
                Flagged: showHeld && held?.Contains(Key(g.Display)) == true ? true : null))];
    }

    private static bool IsTrimmed(char c) =>
        char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsControl(c);

    private sealed class WordGroup
    {
        private readonly Dictionary<string, int> _spellings = new(StringComparer.Ordinal);

        public int Count { get; private set; }
        public int Onsite { get; private set; }
        public string Display { get; private set; } = "";

        public void Add(string spelling, ParticipantMode mode)
        {
            Count++;
            Onsite += mode == ParticipantMode.Onsite ? 1 : 0;
            var seen = _spellings[spelling] = _spellings.GetValueOrDefault(spelling) + 1;
            if (Display.Length == 0 || seen > _spellings[Display])
            {
                Display = spelling;
            }
        }
    }
}
