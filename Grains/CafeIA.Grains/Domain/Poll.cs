using System.Text.Json.Serialization;
using CafeIA.Wire;

namespace CafeIA.Domain;

// Stored with the session (see SessionState.cs): add properties freely, never rename one.

public sealed class Poll
{
    public string Id { get; set; } = "";
    public string Question { get; set; } = "";
    public PollKind Kind { get; set; }

    /// <summary>Choice labels; for a rating scale "1".."N".</summary>
    public string[] Options { get; set; } = [];
    public int? MaxChoices { get; set; }
    public int? ScaleMax { get; set; }
    public string? MinLabel { get; set; }
    public string? MaxLabel { get; set; }
    public bool HideResults { get; set; }
    public bool Revealed { get; set; }
    public PollState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int AnswersWritten { get; set; }

    /// <summary>When the poll was last opened (null for a draft).</summary>
    public DateTimeOffset? OpenedAt { get; set; }

    /// <summary>
    /// The projector draws the results (a switch apart from ResultsPublic, which says whether phones
    /// receive them). Set to !HideResults at creation; null only in polls stored before it existed,
    /// which keep what the projector showed then (results once public).
    /// </summary>
    public bool? ResultsOnScreen { get; set; }

    /// <summary>Set on a poll pushed by the session's programme: its id in the programme.</summary>
    public string? ProgrammePollId { get; set; }

    /// <summary>Word cloud: the staff's decision per word (by WordCloud.Key): true shown, false held back.</summary>
    public Dictionary<string, bool>? WordDecisions { get; set; }

    /// <summary>Points poll: the points each voter shares among the options.</summary>
    public int? Budget { get; set; }

    /// <summary>Quiz: the correct options (a ballot is correct when its choices are exactly these).</summary>
    public int[]? Correct { get; set; }

    /// <summary>Quiz: how long it takes ballots once opened.</summary>
    public int? Seconds { get; set; }

    /// <summary>Quiz: what an instant correct answer scores (a last-second one scores half).</summary>
    public int? MaxPoints { get; set; }

    /// <summary>When the poll was last closed (null while never closed, and in polls stored before it existed).</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>
    /// The room's show of hands the staff recorded (people without a device): one count per option,
    /// for a rating per value; null when none. Kept in the session document, written with every commit.
    /// </summary>
    public int[]? HandCount { get; set; }
    /// <summary>By voter id.</summary>
    [JsonIgnore]
    public Dictionary<string, Ballot> Ballots { get; set; } = [];

    /// <summary>
    /// Participants receive results: live results, or hidden ones the facilitator revealed; a
    /// quiz's only once closed (the room's choices would give the answer away).
    /// </summary>
    [JsonIgnore]
    public bool ResultsPublic => (!HideResults || Revealed) && (Kind != PollKind.Quiz || State == PollState.Closed);

    /// <summary>Quiz: ballots are taken until then (while open).</summary>
    [JsonIgnore]
    public DateTimeOffset? ClosesAt => Kind == PollKind.Quiz && State == PollState.Open && OpenedAt is { } opened && Seconds is { } seconds
        ? opened.AddSeconds(seconds)
        : null;

    [JsonIgnore]
    public bool OnScreen => ResultsOnScreen ?? ResultsPublic;
}

/// <summary>One participant's ballot; which fields are set depends on the poll's kind.</summary>
public sealed class Ballot
{
    public int[] Choices { get; set; } = [];
    public string[]? Words { get; set; }
    public int? Rating { get; set; }
    public string? Text { get; set; }

    /// <summary>Ranking: every option index, best first.</summary>
    public int[]? Order { get; set; }

    /// <summary>Points poll: the points given to each option.</summary>
    public int[]? Points { get; set; }
    public string? AnswerId { get; set; }
    public AnswerStatus AnswerStatus { get; set; }
    public DateTimeOffset CastAt { get; set; }
    public ParticipantMode Mode { get; set; }

    /// <summary>Open text: the profanity filter flagged the answer (review mode); the staff see it.</summary>
    public bool Flagged { get; set; }

    /// <summary>Word cloud: the keys (WordCloud.Key) of this ballot's words the profanity filter flagged.</summary>
    public string[]? FlaggedWords { get; set; }

    /// <summary>A kiosk turn's ballot: the kiosk link and the turn's number (its voter id is "{link}-{turn}").</summary>
    public string? KioskLinkId { get; set; }
    public int? KioskTurn { get; set; }
}
