using CafeIA.Wire;

namespace CafeIA.Domain;

// The persisted state of a session: plain classes that System.Text.Json stores as one JSON
// document per session (see Storage/JsonGrainStateSerializer). Add properties freely; never
// rename one without a migration, stored sessions carry these names.

public sealed class SessionState
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string JoinCode { get; set; } = "";
    public SessionPhase Phase { get; set; }
    public long Seq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string FacilitatorKeyHash { get; set; } = "";
    public string ModeratorKeyHash { get; set; } = "";
    public string ProjectorKeyHash { get; set; } = "";
    public int QuestionsAsked { get; set; }
    public int PollsCreated { get; set; }
    public Dictionary<string, Participant> Participants { get; set; } = [];
    public List<Question> Questions { get; set; } = [];
    public List<Poll> Polls { get; set; } = [];

    public bool Exists => JoinCode.Length > 0;
}

public sealed class Participant
{
    public string Id { get; set; } = "";
    public string? DisplayName { get; set; }
    public ParticipantMode Mode { get; set; }
    public Role Role { get; set; }
    public string ResumeSecretHash { get; set; } = "";
    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>Open connections; presence, not identity: reset when the session activates.</summary>
    public int Connections { get; set; }

    public bool CountsAsAttendee => Role == Role.Participant && Connections > 0;
}

public sealed class Question
{
    public string Id { get; set; } = "";
    public string Text { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public string? AuthorName { get; set; }
    public ParticipantMode AuthorMode { get; set; }
    public QuestionStatus Status { get; set; }
    public DateTimeOffset AskedAt { get; set; }
    public HashSet<string> Upvoters { get; set; } = [];
}

public sealed class Poll
{
    public string Id { get; set; } = "";
    public string Question { get; set; } = "";
    public PollKind Kind { get; set; }
    public string[] Options { get; set; } = [];
    public PollState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Dictionary<string, Ballot> Ballots { get; set; } = [];
}

public sealed class Ballot
{
    public int[] Choices { get; set; } = [];
    public ParticipantMode Mode { get; set; }
}
