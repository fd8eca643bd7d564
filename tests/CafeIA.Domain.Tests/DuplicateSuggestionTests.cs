using CafeIA.Domain.Duplicates;
using CafeIA.Wire;
using Xunit.Abstractions;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

/// <summary>Duplicate suggestions: the similarity measured on a labelled test set, and <c>similarTo</c> on new questions.</summary>
public sealed class DuplicateSuggestionTests(ITestOutputHelper output)
{
    private sealed record Pair(bool Same, string Language, string A, string B);

    private static IReadOnlyList<Pair> TestSet() =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "duplicate-questions.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => new Pair(f[0] == "1", f[1], f[2], f[3]))];

    private static (double Precision, double Recall, int Tp, int Fp, int Fn) Measure(IEnumerable<Pair> pairs, double threshold)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var pair in pairs)
        {
            var suggested = QuestionSimilarity.Score(pair.A, pair.B) >= threshold;
            tp += suggested && pair.Same ? 1 : 0;
            fp += suggested && !pair.Same ? 1 : 0;
            fn += !suggested && pair.Same ? 1 : 0;
        }
        return (tp + fp == 0 ? 0 : (double)tp / (tp + fp), tp + fn == 0 ? 0 : (double)tp / (tp + fn), tp, fp, fn);
    }

    [Fact]
    public void The_test_set_holds_at_least_60_French_and_English_pairs_of_both_kinds()
    {
        var set = TestSet();
        Assert.True(set.Count >= 60, $"{set.Count} pairs");
        foreach (var language in new[] { "fr", "en" })
        {
            Assert.Contains(set, p => p.Language == language && p.Same);
            Assert.Contains(set, p => p.Language == language && !p.Same);
        }
    }

    [Fact]
    public void Suggestions_reach_precision_0_8_and_recall_0_6_on_the_test_set()
    {
        var set = TestSet();
        var all = Measure(set, QuestionSimilarity.Threshold);
        foreach (var language in new[] { "fr", "en" })
        {
            var m = Measure(set.Where(p => p.Language == language), QuestionSimilarity.Threshold);
            output.WriteLine($"{language}: precision {m.Precision:F3} recall {m.Recall:F3} (tp {m.Tp}, fp {m.Fp}, fn {m.Fn})");
        }
        output.WriteLine($"all: precision {all.Precision:F3} recall {all.Recall:F3} (tp {all.Tp}, fp {all.Fp}, fn {all.Fn})");
        foreach (var t in new[] { 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7 })
        {
            var m = Measure(set, t);
            output.WriteLine($"threshold {t:F2}: precision {m.Precision:F3} recall {m.Recall:F3}");
        }
        foreach (var pair in set)
        {
            output.WriteLine($"{pair.Same} {QuestionSimilarity.Score(pair.A, pair.B):F3} {pair.A} | {pair.B}");
        }
        Assert.True(all.Precision >= 0.8, $"precision {all.Precision:F3}");
        Assert.True(all.Recall >= 0.6, $"recall {all.Recall:F3}");
    }
}

public sealed class SimilarToTests
{
    [Fact]
    public void A_new_question_names_the_close_open_questions_for_the_staff_only()
    {
        var f = new SessionFixture();
        var first = f.Ask(f.Alice, "Qui est responsable quand une IA se trompe ?");
        var unrelated = f.Ask(f.Bob, "Combien coûte un abonnement à ChatGPT ?");
        var answered = f.Ask(f.Bob, "Quand l'IA se trompe, qui est responsable ?");
        Ok(f.Moderate(f.Facilitator, ModerationAction.MarkAnswered, answered));
        f.Session.TakeChanges();

        var dup = f.Ask(f.Chloe, "Quand une IA fait une erreur, qui est responsable ?");
        var changes = f.Session.TakeChanges()!;
        var staff = Assert.IsType<QuestionAsked>(Assert.Single(changes.For(Audience.Staff).Events)).Question;
        Assert.Equal([first], staff.SimilarTo!);
        Assert.Null(Assert.IsType<QuestionAsked>(Assert.Single(changes.For(Audience.Participants).Events)).Question.SimilarTo);
        Assert.Equal([first], f.Question(dup, f.Facilitator).SimilarTo!);
        Assert.Null(f.Question(dup, f.Alice).SimilarTo);
        Assert.Null(f.Question(unrelated, f.Facilitator).SimilarTo);

        Ok(f.Moderate(f.Facilitator, ModerationAction.Merge, dup, into: first));
        Assert.Equal(QuestionStatus.Merged, f.Session.State.Questions.Single(q => q.Id == dup).Status);
    }
}
