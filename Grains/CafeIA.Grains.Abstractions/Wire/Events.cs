using System.Text.Json.Serialization;

namespace CafeIA.Wire;

/// <summary>
/// One change batch: everything one command changed, under the session's new sequence number.
/// A client applies batches in seq order and asks for a snapshot when it sees a gap.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.ChangeBatch")]
public sealed record ChangeBatch([property: Id(0)] long Seq, [property: Id(1)] SessionEvent[] Events);

/// <summary>A change in a session as screens see it; "type" names the kind on the wire.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(QuestionAsked), "questionAsked")]
[JsonDerivedType(typeof(QuestionVotesChanged), "questionVotes")]
[JsonDerivedType(typeof(QuestionWithdrawn), "questionWithdrawn")]
[JsonDerivedType(typeof(PollCreatedEvent), "pollCreated")]
[JsonDerivedType(typeof(PollStateChanged), "pollState")]
[JsonDerivedType(typeof(PollResultsChanged), "pollResults")]
[JsonDerivedType(typeof(CountsChanged), "counts")]
[JsonDerivedType(typeof(SessionStateChanged), "sessionState")]
[GenerateSerializer, Immutable, Alias("cafe.SessionEvent")]
public abstract record SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.QuestionAsked")]
public sealed record QuestionAsked([property: Id(0)] QuestionView Question) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.QuestionVotesChanged")]
public sealed record QuestionVotesChanged([property: Id(0)] string QuestionId, [property: Id(1)] int Votes) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.QuestionWithdrawn")]
public sealed record QuestionWithdrawn([property: Id(0)] string QuestionId) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.PollCreatedEvent")]
public sealed record PollCreatedEvent([property: Id(0)] PollView Poll) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.PollStateChanged")]
public sealed record PollStateChanged([property: Id(0)] string PollId, [property: Id(1)] PollState State) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.PollResultsChanged")]
public sealed record PollResultsChanged([property: Id(0)] string PollId, [property: Id(1)] PollResults Results) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.CountsChanged")]
public sealed record CountsChanged([property: Id(0)] Counts Counts) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.SessionStateChanged")]
public sealed record SessionStateChanged([property: Id(0)] SessionPhase State) : SessionEvent;
