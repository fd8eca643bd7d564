using System.Text.Json.Serialization;
using CafeIA.Wire;

namespace CafeIA.Domain;

// Stored with the session (see SessionState.cs): add properties freely, never rename one.

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
    public bool Edited { get; set; }
    public string? RejectReason { get; set; }
    public string? MergedInto { get; set; }

    /// <summary>The staff's reply, shown under the question to everyone who sees it.</summary>
    public string? Reply { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }

    /// <summary>Held back by the profanity filter (review mode) until a moderator approves it.</summary>
    public bool Flagged { get; set; }

    /// <summary>The profanity filter held it once (for the report's count; Flagged clears when a moderator lets it through).</summary>
    public bool EverFlagged { get; set; }

    /// <summary>Open questions this one may duplicate when it arrived, closest first (staff only).</summary>
    public List<string>? SimilarTo { get; set; }

    /// <summary>Typed by the staff for someone in the room without a device: on site, no author shown (AuthorId: the staff member).</summary>
    public bool OnBehalf { get; set; }
}
