using System.Globalization;
using System.Text;
using CafeIA.Grains.Abstractions;
using CafeIA.Grains.Sessions;
using CafeIA.Wire;

namespace CafeIA.Grains.Formats;

public sealed class FormatCatalogueState
{
    public Dictionary<string, FormatEntry> Formats { get; set; } = [];
}

/// <summary>The catalogue's index: each format grain keeps its entry current; the search reads it.</summary>
public sealed class FormatCatalogueGrain(
    [PersistentState("formatCatalogue", StorageNames.Cafe)] IPersistentState<FormatCatalogueState> store) : Grain, IFormatCatalogueGrain
{
    public async Task Upsert(FormatEntry entry)
    {
        store.State.Formats[entry.FormatId] = entry;
        await store.WriteStateAsync();
    }

    /// <summary>
    /// Every word of the query found in the title, description or audience (case and accents
    /// folded); the language exactly; the audience as a folded substring. Latest publications first.
    /// </summary>
    public Task<FormatEntry[]> Search(string? query, SessionLanguage? language, string? audience)
    {
        var words = Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var wanted = Fold(audience);
        return Task.FromResult<FormatEntry[]>([.. store.State.Formats.Values
            .Where(f => language is null || f.Language == language)
            .Where(f => wanted.Length == 0 || Fold(f.Audience).Contains(wanted, StringComparison.Ordinal))
            .Where(f => words.Length == 0 || words.All(Fold($"{f.Title} {f.Description} {f.Audience}").Contains))
            .OrderByDescending(f => f.PublishedAt)]);
    }

    /// <summary>Lower case, accents removed, anything but letters and digits a space.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return folded.ToString();
    }
}
