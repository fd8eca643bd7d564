using System.Reflection;
using System.Text.Json;

namespace CafeIA.Domain.Profanity;

/// <summary>
/// Entries of a word list, folded into tokens: single words in a set, phrases ("fils de pute",
/// "casse-couilles") by their first token, longest first.
/// </summary>
internal sealed class WordList
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string[]>> _phrases = new(StringComparer.Ordinal);

    public WordList(IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            var tokens = Folding.Tokens(entry, leet: true).Select(t => t.Folded).ToArray();
            if (tokens.Length == 1)
            {
                _words.Add(tokens[0]);
            }
            else if (tokens.Length > 1)
            {
                if (!_phrases.TryGetValue(tokens[0], out var phrases))
                {
                    _phrases[tokens[0]] = phrases = [];
                }
                phrases.Add(tokens);
            }
        }
        foreach (var phrases in _phrases.Values)
        {
            phrases.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    public int Count => _words.Count + _phrases.Values.Sum(p => p.Count);

    /// <summary>How many tokens from <paramref name="at"/> an entry of the list covers (0: none).</summary>
    public int MatchAt(IReadOnlyList<Folding.Token> tokens, int at)
    {
        if (_phrases.TryGetValue(tokens[at].Folded, out var phrases))
        {
            foreach (var phrase in phrases)
            {
                if (at + phrase.Length <= tokens.Count && Enumerable.Range(0, phrase.Length).All(k => tokens[at + k].Folded == phrase[k]))
                {
                    return phrase.Length;
                }
            }
        }
        return _words.Contains(tokens[at].Folded) ? 1 : 0;
    }

    /// <summary>The vendored lists (Lists/SOURCE.md), embedded in this assembly.</summary>
    public static IEnumerable<string> Embedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"CafeIA.Profanity.{name}")
            ?? throw new InvalidOperationException($"The word list {name} is not embedded.");
        if (name.EndsWith(".json", StringComparison.Ordinal))
        {
            return JsonSerializer.Deserialize<string[]>(stream) ?? [];
        }
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n')
            .Select(line => (line.IndexOf('#', StringComparison.Ordinal) is var hash && hash >= 0 && name == "allowed.txt" ? line[..hash] : line).Trim())
            .Where(line => line.Length > 0)];
    }
}
