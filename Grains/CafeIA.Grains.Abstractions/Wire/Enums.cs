namespace CafeIA.Wire;

// Enums travel as camelCase strings on the public protocol ("onsite", "remote", ...) and in stored
// session state: never rename a member (stored sessions and third-party clients use the names).

public enum ParticipantMode
{
    Onsite = 0,
    Remote = 1,
}

public enum Role
{
    Participant = 0,
    Moderator = 1,
    Facilitator = 2,
    Projector = 3,

    /// <summary>A shared device on site (docs/PROTOCOL.md, "Kiosk"): people take turns, each turn one anonymous ballot.</summary>
    Kiosk = 4,
}

/// <summary>The language of a session: the projector speaks it; each person's pages follow their own choice.</summary>
public enum SessionLanguage
{
    Fr = 0,
    En = 1,
}

public enum SessionPhase
{
    Draft = 0,
    Live = 1,
    Ended = 2,
}

public enum QuestionStatus
{
    Visible = 0,
    Withdrawn = 1,
    Pending = 2,
    Pinned = 3,
    Answered = 4,
    Hidden = 5,
    Rejected = 6,
    Merged = 7,
}

/// <summary>The order of a question queue (docs/PROTOCOL.md, "Queue orders").</summary>
public enum QueueOrder
{
    Votes = 0,
    Time = 1,
    Fairness = 2,
}

/// <summary>Who receives an event: a set of role groups, or one participant (Personal).</summary>
[Flags]
public enum Audience
{
    Personal = 0,
    Participants = 1,
    Staff = 2,
    Projector = 4,
    Everyone = Participants | Staff | Projector,
}

public enum PollKind
{
    Single = 0,
    Multiple = 1,
    WordCloud = 2,
    Rating = 3,
    OpenText = 4,
    /// <summary>Order every option; scored by a Borda count.</summary>
    Ranking = 5,
    /// <summary>Share a budget of points among the options.</summary>
    Points = 6,
    /// <summary>A timed question with correct options; fast correct answers score more.</summary>
    Quiz = 7,
}

/// <summary>
/// What the profanity filter does with a flagged text (docs/PROTOCOL.md, "Profanity filter"):
/// nothing, hold it for the staff to review, or mask the flagged words.
/// </summary>
public enum ProfanityMode
{
    Off = 0,
    Review = 1,
    Mask = 2,
}

/// <summary>An open-text answer is shown only once a moderator approved it.</summary>
public enum AnswerStatus
{
    Pending = 0,
    Visible = 1,
    Hidden = 2,
}

public enum PollState
{
    Draft = 0,
    Open = 1,
    Closed = 2,
}

/// <summary>
/// What the room's screen shows, chosen by the staff (docs/PROTOCOL.md, "What the room sees"):
/// the join code, one poll (Activity, with its poll id), the questions, the pinned question, nothing,
/// or the session's quiz scores (Leaderboard: the top 10 and the teams; Podium: the final top 3), or an opinion map.
/// </summary>
public enum ScreenView
{
    Join = 0,
    Activity = 1,
    Questions = 2,
    Pinned = 3,
    Blank = 4,
    Leaderboard = 5,
    Podium = 6,

    /// <summary>An opinion map (with its opinion id): the dots, the groups and the consensus.</summary>
    Opinion = 7,

    /// <summary>The agenda's activity in focus (a break, a text, a round of speaking): its title, and its timer when the activity shows one.</summary>
    Agenda = 8,
}

/// <summary>How people take part in a café listed on the map.</summary>
public enum CafeFormat
{
    Onsite = 0,
    Remote = 1,
    Hybrid = 2,
}

/// <summary>Where a listed café stands: from its session's phase (draft, live, ended).</summary>
public enum CafeStatus
{
    Upcoming = 0,
    Live = 1,
    Past = 2,
}
