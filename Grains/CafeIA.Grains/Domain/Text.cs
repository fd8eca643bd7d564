using System.Text;

namespace CafeIA.Domain;

/// <summary>What counts as text a person could have typed.</summary>
public static class Text
{
    public static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }
                i++;
                continue;
            }
            if (char.IsLowSurrogate(c) || (char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A clean text of 1..max characters once trimmed, else null.</summary>
    public static string? Required(string? text, int max) =>
        text is not null && IsClean(text) && text.Trim() is { Length: > 0 } t && t.Length <= max ? t.Normalize(NormalizationForm.FormC) : null;

    /// <summary>Absent (null) for blank input; the failure case is signalled by <paramref name="valid"/>.</summary>
    public static string? Optional(string? text, int max, out bool valid)
    {
        valid = true;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var clean = Required(text, max);
        valid = clean is not null;
        return clean;
    }
}
