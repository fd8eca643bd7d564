namespace CafeIA.Wire;

// Payloads of the hub methods and their replies (docs/PROTOCOL.md). Names are fixed by the protocol.

[GenerateSerializer, Immutable, Alias("cafe.JoinOptions")]
public sealed record JoinOptions(
    [property: Id(0)] string? DisplayName = null,
    [property: Id(1)] ParticipantMode Mode = ParticipantMode.Remote,
    [property: Id(2)] string? ResumeToken = null,
    [property: Id(3)] string? Key = null);

/// <summary>Links a facilitator can hand out; only a facilitator's join carries them.</summary>
[GenerateSerializer, Immutable, Alias("cafe.StaffKeys")]
public sealed record StaffKeys([property: Id(0)] string ModeratorKey, [property: Id(1)] string ProjectorKey);

[GenerateSerializer, Immutable, Alias("cafe.JoinResult")]
public sealed record JoinResult(
    [property: Id(0)] string ParticipantId,
    [property: Id(1)] Role Role,
    [property: Id(2)] string ResumeToken,
    [property: Id(3)] SessionSnapshot Snapshot,
    [property: Id(4)] StaffKeys? StaffKeys = null);

[GenerateSerializer, Immutable, Alias("cafe.AskQuestion")]
public sealed record AskQuestionRequest([property: Id(0)] string? Text, [property: Id(1)] bool Anonymous = false);

[GenerateSerializer, Immutable, Alias("cafe.QuestionRef")]
public sealed record QuestionRef([property: Id(0)] string? QuestionId);

[GenerateSerializer, Immutable, Alias("cafe.QuestionCreated")]
public sealed record QuestionCreated([property: Id(0)] string QuestionId);

[GenerateSerializer, Immutable, Alias("cafe.CreatePoll")]
public sealed record CreatePollRequest(
    [property: Id(0)] string? Question,
    [property: Id(1)] PollKind Kind,
    [property: Id(2)] string[]? Options);

[GenerateSerializer, Immutable, Alias("cafe.PollRef")]
public sealed record PollRef([property: Id(0)] string? PollId);

[GenerateSerializer, Immutable, Alias("cafe.PollCreated")]
public sealed record PollCreated([property: Id(0)] string PollId);

[GenerateSerializer, Immutable, Alias("cafe.VoteRequest")]
public sealed record VoteRequest([property: Id(0)] string? PollId, [property: Id(1)] int[]? Choices);

[GenerateSerializer, Immutable, Alias("cafe.SessionCreated")]
public sealed record SessionCreated(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string JoinCode,
    [property: Id(2)] string FacilitatorKey,
    [property: Id(3)] string ModeratorKey,
    [property: Id(4)] string ProjectorKey);
