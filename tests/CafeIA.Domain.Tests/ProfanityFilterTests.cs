using CafeIA.Domain.Profanity;

namespace CafeIA.Domain.Tests;

/// <summary>The profanity filter's matching: folded whole tokens and phrases of the vendored lists.</summary>
public sealed class ProfanityFilterTests
{
    private static readonly ProfanityFilter Filter = ProfanityFilter.Default;

    [Theory]
    [InlineData("Scunthorpe")]
    [InlineData("Un assassin peut-il se cacher derrière un algorithme ?")]
    [InlineData("Ma classe de CM2 utilise ChatGPT")]
    [InlineData("Le bassiste du groupe a composé avec une IA")]
    [InlineData("Un verre de Cognac et une analyse des données")]
    [InlineData("Le conseil municipal et le concombre")]
    [InlineData("analyse, analyser, analyste, canal, banal")]
    [InlineData("Passons à la classe suivante, assez de cocktails")]
    [InlineData("Traverser la Manche, une gourde à la main, au fond d'un cul-de-sac")]
    [InlineData("What are the pros and cons of AI domination?")]
    [InlineData("Constitution, contrôle, conférence, consommation")]
    [InlineData("Shitake mushrooms and a cocktail in Essex")]
    public void Ordinary_words_that_contain_or_resemble_listed_ones_pass(string text)
    {
        Assert.False(Filter.Flags(text), Filter.Check(text).Masked);
        Assert.Equal(text, Filter.Check(text).Masked);
    }

    [Theory]
    [InlineData("connard")]
    [InlineData("c0nnard")]
    [InlineData("CONNARD")]
    [InlineData("Connärd")]
    [InlineData("C0NN@RD !")]
    [InlineData("quel enculé")]
    [InlineData("3ncul3")]
    [InlineData("Espèce de fils de pute")]
    [InlineData("this is bullshit")]
    [InlineData("fuck AI")]
    [InlineData("sh1t")]
    [InlineData("$alope")]
    [InlineData("Tu es un gros con.")]
    public void Listed_words_are_caught_whatever_their_case_accents_or_leetspeak(string text) =>
        Assert.True(Filter.Flags(text), text);

    [Theory]
    [InlineData("Pourquoi ce connard de robot ment ?", "Pourquoi ce ••• de robot ment ?")]
    [InlineData("C0NNARD et SALOPE", "••• et •••")]
    [InlineData("Quel fils de pute a codé ça", "Quel ••• a codé ça")]
    [InlineData("casse-couilles, ce truc", "•••, ce truc")]
    [InlineData("Rien à signaler", "Rien à signaler")]
    public void Masking_replaces_each_flagged_word_or_phrase_with_three_dots(string text, string masked) =>
        Assert.Equal(masked, Filter.Check(text).Masked);

    [Fact]
    public void The_lists_are_loaded_from_the_vendored_files() =>
        Assert.True(Filter.Entries > 1000, $"{Filter.Entries} entries");

    [Theory]
    [InlineData("naughty-words.fr.json", "naughty-words/fr.json")]
    [InlineData("naughty-words.en.json", "naughty-words/en.json")]
    [InlineData("naughty-words.LICENSE", "naughty-words/LICENSE")]
    [InlineData("french-badwords-list.txt", "french-badwords-list/list.txt")]
    [InlineData("french-badwords-list.LICENSE", "french-badwords-list/LICENSE")]
    public void The_vendored_lists_are_the_files_of_the_pinned_npm_packages(string vendored, string package)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "CafeIA.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("Tests run from inside the repository.");
        }
        var copy = Path.Combine(root.FullName, "Grains", "CafeIA.Grains", "Domain", "Profanity", "Lists", vendored);
        Assert.True(File.Exists(copy), copy);
        var pinned = File.ReadAllText(Path.Combine(root.FullName, "Web", "package.json"));
        Assert.Contains("\"naughty-words\": \"1.2.0\"", pinned, StringComparison.Ordinal);
        Assert.Contains("\"french-badwords-list\": \"1.0.7\"", pinned, StringComparison.Ordinal);
        var original = Path.Combine(root.FullName, "Web", "node_modules", package);
        if (File.Exists(original))
        {
            Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(copy));
        }
    }
}
