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
}

public enum PollKind
{
    Single = 0,
    Multiple = 1,
}

public enum PollState
{
    Draft = 0,
    Open = 1,
    Closed = 2,
}
