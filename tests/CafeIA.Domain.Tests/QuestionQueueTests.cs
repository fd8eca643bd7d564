using CafeIA.Wire;

namespace CafeIA.Domain.Tests;

public sealed class QuestionQueueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 18, 0, 0, TimeSpan.Zero);

    private static QuestionView Q(string id, ParticipantMode mode, int votes, int minute) =>
        new(id, id, votes, QuestionStatus.Visible, mode, null, T0.AddMinutes(minute));

    private static readonly QuestionView[] Room =
    [
        Q("o1", ParticipantMode.Onsite, 9, 1),
        Q("o2", ParticipantMode.Onsite, 7, 2),
        Q("o3", ParticipantMode.Onsite, 5, 3),
        Q("o4", ParticipantMode.Onsite, 4, 4),
        Q("r1", ParticipantMode.Remote, 2, 5),
        Q("r2", ParticipantMode.Remote, 1, 6),
        Q("r3", ParticipantMode.Remote, 1, 7),
    ];

    [Fact]
    public void Fairness_alternates_remote_and_on_site_starting_with_the_best_question()
    {
        var order = QuestionQueue.Order(Room, QueueOrder.Fairness).Select(q => q.Id);
        Assert.Equal(["o1", "r1", "o2", "r2", "o3", "r3", "o4"], order);
    }

    [Fact]
    public void Fairness_starts_with_remote_when_its_best_question_leads()
    {
        var questions = new[] { Q("o1", ParticipantMode.Onsite, 1, 1), Q("r1", ParticipantMode.Remote, 3, 2), Q("r2", ParticipantMode.Remote, 2, 3) };
        Assert.Equal(["r1", "o1", "r2"], QuestionQueue.Order(questions, QueueOrder.Fairness).Select(q => q.Id));
    }

    [Fact]
    public void By_votes_the_room_would_bury_remote_questions()
    {
        var order = QuestionQueue.Order(Room, QueueOrder.Votes).Select(q => q.Id);
        Assert.Equal(["o1", "o2", "o3", "o4", "r1", "r2", "r3"], order);
    }

    [Fact]
    public void By_time_the_newest_comes_first()
    {
        Assert.Equal(["r3", "r2", "r1", "o4", "o3", "o2", "o1"], QuestionQueue.Order(Room, QueueOrder.Time).Select(q => q.Id));
    }
}
