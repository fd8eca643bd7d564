using System.Globalization;
using System.Text.Json;
using CafeIA.Wire;

namespace CafeIA.Domain.Tests;

/// <summary>
/// The question order is decided by one table: Web/test/vectors/question-order.json. The server's
/// <see cref="QuestionQueue"/> must give each case's orders, and so must the screens' queue.ts
/// (Web/test/question-order.test.ts runs the same file), so the two cannot drift apart.
/// </summary>
public sealed class QuestionOrderVectorTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Vectors().RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_server_orders_each_shared_case_as_the_table_says(string name)
    {
        var c = Vectors().RootElement.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        var questions = c.GetProperty("questions").EnumerateArray().Select(q => new QuestionView(
            q.GetProperty("id").GetString()!, "?", q.GetProperty("votes").GetInt32(), QuestionStatus.Visible,
            q.GetProperty("mode").GetString() == "onsite" ? ParticipantMode.Onsite : ParticipantMode.Remote, null,
            DateTimeOffset.Parse(q.GetProperty("askedAt").GetString()!, CultureInfo.InvariantCulture))).ToArray();
        foreach (var (order, key) in new[] { (QueueOrder.Votes, "votes"), (QueueOrder.Time, "time"), (QueueOrder.Fairness, "fairness") })
        {
            var expected = c.GetProperty(key).EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.Equal(expected, QuestionQueue.Order(questions, order).Select(q => q.Id).ToArray());
        }
    }

    private static JsonDocument Vectors()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "Web", "test", "vectors", "question-order.json");
            if (File.Exists(path))
            {
                return JsonDocument.Parse(File.ReadAllText(path));
            }
        }
        throw new FileNotFoundException("Web/test/vectors/question-order.json not found above the test's folder.");
    }
}
