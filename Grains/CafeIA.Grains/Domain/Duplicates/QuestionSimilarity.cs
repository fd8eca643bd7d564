namespace CafeIA.Domain.Duplicates;

/// <summary>
/// How alike two questions are, locally and cheaply: the cosine of their character trigram
/// counts, taken over their content words (folded: case and accents; function words of French
/// and English and the words every question of a café on AI shares left out). 1 is the same
/// wording, 0 nothing in common. Benchmark and threshold: docs/BENCHMARKS.md, "Duplicate suggestions".
/// </summary>
public static class QuestionSimilarity
{
    /// <summary>At or above this score, a question is suggested as a duplicate (chosen on the test set).</summary>
    public const double Threshold = 0.6;

    /// <summary>A question's trigram counts, computed once per text.</summary>
    public sealed class Profile
    {
        internal Profile(Dictionary<string, int> grams)
        {
            Grams = grams;
            Norm = Math.Sqrt(grams.Values.Sum(n => (double)n * n));
        }

        internal Dictionary<string, int> Grams { get; }
        internal double Norm { get; }
    }

    public static Profile Of(string text)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in Folding.Tokens(text))
        {
            var word = Stem(token.Folded);
            if (word.Length < 2 || StopWords.Contains(word) || StopWords.Contains(token.Folded))
            {
                continue;
            }
            var padded = $" {word} ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                var gram = padded.Substring(i, 3);
                grams[gram] = grams.GetValueOrDefault(gram) + 1;
            }
        }
        return new Profile(grams);
    }

    public static double Score(Profile a, Profile b)
    {
        if (a.Norm == 0 || b.Norm == 0)
        {
            return 0;
        }
        var (small, large) = a.Grams.Count <= b.Grams.Count ? (a, b) : (b, a);
        double dot = 0;
        foreach (var (gram, n) in small.Grams)
        {
            if (large.Grams.TryGetValue(gram, out var m))
            {
                dot += (double)n * m;
            }
        }
        return dot / (a.Norm * b.Norm);
    }

    public static double Score(string a, string b) => Score(Of(a), Of(b));

    /// <summary>Plural and elided forms as one: "algorithmes" as "algorithme", "l'ia" already split by the tokens.</summary>
    private static string Stem(string word) =>
        word.Length > 4 && word[^1] is 's' or 'x' ? word[..^1] : word;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // French function words and question words (folded: no accents)
        "a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "c", "d", "de", "des", "du", "elle", "elles", "en", "et",
        "est", "etre", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mes", "moi",
        "mon", "n", "ne", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "quel", "quelle",
        "quelles", "quels", "qui", "quoi", "s", "sa", "se", "ses", "si", "son", "sont", "sur", "t", "ta", "te", "tes",
        "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y", "ça", "ca", "comment", "pourquoi", "combien",
        "faut", "peut", "peuvent", "va", "vont", "fait", "faire", "avoir", "ont", "dans", "plus", "tres", "bien",
        "quand", "donc", "alors", "mais", "aussi", "tout", "tous", "toutes", "vraiment",
        // English function words and question words
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "could", "do", "does", "did", "for", "from", "how", "i",
        "if", "in", "is", "it", "its", "me", "my", "of", "on", "or", "our", "should", "so", "that", "the", "their",
        "them", "there", "these", "they", "this", "to", "us", "was", "we", "were", "what", "when", "where", "which",
        "who", "whom", "why", "will", "with", "would", "you", "your", "going", "get", "really", "actually", "all",
        "any", "some", "much", "many", "very", "not", "no", "has", "have", "had", "been",
        // Every question of a café on AI shares these
        "ia", "ai", "ais", "intelligence", "artificielle", "artificial",
    };
}
