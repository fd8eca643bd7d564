using CafeIA.Wire;

namespace CafeIA.Domain.Polls;

/// <summary>
/// The name a leaderboard shows for a participant who gave none: an animal and an adjective, in the
/// session's language, taken from a hash of the participant id (FNV-1a: stable across processes,
/// unlike string.GetHashCode), so every screen and every restart shows the same one.
/// </summary>
public static class Pseudonym
{
    // French animals with their grammatical gender (true: feminine), and the English word at the same place.
    private static readonly (string Fr, bool Feminine, string En)[] Animals =
    [
        ("Renard", false, "fox"), ("Chouette", true, "owl"), ("Loutre", true, "otter"), ("Hérisson", false, "hedgehog"),
        ("Écureuil", false, "squirrel"), ("Blaireau", false, "badger"), ("Lynx", false, "lynx"), ("Castor", false, "beaver"),
        ("Rouge-gorge", false, "robin"), ("Tortue", true, "turtle"), ("Baleine", true, "whale"), ("Dauphin", false, "dolphin"),
        ("Panda", false, "panda"), ("Koala", false, "koala"), ("Lama", false, "llama"), ("Manchot", false, "penguin"),
        ("Abeille", true, "bee"), ("Libellule", true, "dragonfly"), ("Colibri", false, "hummingbird"), ("Aigle", false, "eagle"),
        ("Marmotte", true, "marmot"), ("Gazelle", true, "gazelle"), ("Zèbre", false, "zebra"), ("Phoque", false, "seal"),
    ];

    private static readonly (string Masculine, string Feminine, string En)[] Adjectives =
    [
        ("curieux", "curieuse", "Curious"), ("malin", "maligne", "Clever"), ("joyeux", "joyeuse", "Cheerful"), ("rapide", "rapide", "Swift"),
        ("calme", "calme", "Calm"), ("audacieux", "audacieuse", "Bold"), ("discret", "discrète", "Quiet"), ("brillant", "brillante", "Bright"),
        ("patient", "patiente", "Patient"), ("rêveur", "rêveuse", "Dreamy"), ("espiègle", "espiègle", "Playful"), ("sage", "sage", "Wise"),
        ("vaillant", "vaillante", "Brave"), ("agile", "agile", "Nimble"), ("gourmand", "gourmande", "Hungry"), ("élégant", "élégante", "Elegant"),
        ("têtu", "têtue", "Stubborn"), ("sympathique", "sympathique", "Friendly"), ("inventif", "inventive", "Inventive"), ("attentif", "attentive", "Attentive"),
        ("pensif", "pensive", "Thoughtful"), ("enjoué", "enjouée", "Lively"), ("tranquille", "tranquille", "Easygoing"), ("intrépide", "intrépide", "Fearless"),
    ];

    public static string For(string participantId, SessionLanguage language)
    {
        var hash = 2166136261u;
        foreach (var c in participantId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        var animal = Animals[hash % (uint)Animals.Length];
        var adjective = Adjectives[hash / (uint)Animals.Length % (uint)Adjectives.Length];
        return language == SessionLanguage.En
            ? $"{adjective.En} {animal.En}"
            : $"{animal.Fr} {(animal.Feminine ? adjective.Feminine : adjective.Masculine)}";
    }
}
