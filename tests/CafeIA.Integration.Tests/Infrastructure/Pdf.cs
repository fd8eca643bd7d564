using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>What a printed page holds, read with poppler's tools (installed by test.sh): pages, size, words and where they sit.</summary>
public static class Pdf
{
    public static string Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }

    public sealed record Word(int Page, string Text, double XMin, double YMin, double XMax, double YMax);
    public sealed record Page(int Number, double Width, double Height, IReadOnlyList<Word> Words);

    /// <summary>Every page with its words and their boxes in points (pdftotext -bbox).</summary>
    public static IReadOnlyList<Page> Pages(string pdf)
    {
        var xhtml = Run("pdftotext", $"-bbox \"{pdf}\" -");
        var doc = XDocument.Parse(xhtml);
        var pages = new List<Page>();
        foreach (var page in doc.Descendants().Where(e => e.Name.LocalName == "page"))
        {
            var number = pages.Count + 1;
            var words = page.Descendants().Where(e => e.Name.LocalName == "word").Select(w => new Word(number, w.Value,
                D(w, "xMin"), D(w, "yMin"), D(w, "xMax"), D(w, "yMax"))).ToList();
            pages.Add(new Page(number, D(page, "width"), D(page, "height"), words));
        }
        return pages;
    }

    private static double D(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    /// <summary>The pages on which a phrase's words appear in a row (its first word's page for each occurrence).</summary>
    public static IEnumerable<int> PagesOf(IReadOnlyList<Page> pages, string phrase)
    {
        var wanted = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var page in pages)
        {
            var words = page.Words.Select(w => w.Text).ToList();
            for (var i = 0; i + wanted.Length <= words.Count; i++)
            {
                if (wanted.Select((w, k) => words[i + k] == w).All(x => x))
                {
                    yield return page.Number;
                    break;
                }
            }
        }
    }
}
