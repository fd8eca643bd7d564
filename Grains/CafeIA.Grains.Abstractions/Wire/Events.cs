using System.Text.Json.Serialization;

namespace CafeIA.Wire;

/// <summary>
/// One change batch as one screen receives it: the events of one group commit that this screen
/// may see, under the session's new sequence number (possibly none: the seq still moves, so a
/// client never mistakes another audience's change for a gap; participants' screens get such
/// seqs merged into a later batch, see SessionChangeForwarder). Applied in seq order; a gap
/// means a snapshot is needed. A gateway that falls behind merges the batches waiting for a
/// screen into one that covers seqs <see cref="From"/>..<see cref="Seq"/> (From absent: just Seq).
/// The same record carries personal events (event "personal"). A batch to a programme café's
/// participants may also carry the latest national tallies (<see cref="Programme"/>, the view the
/// "programme" event carries), so a phone gets them with its café's news instead of in a message
/// of their own.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.ChangeBatch")]
public sealed record ChangeBatch(
    [property: Id(0)] long Seq,
    [property: Id(1)] SessionEvent[] Events,
    [property: Id(2)] long? From = null,
    [property: Id(3)] ProgrammeView? Programme = null);

/// <summary>An event and who may receive it: role groups, or one participant when Personal.</summary>
[GenerateSerializer, Immutable, Alias("cafe.Delivery")]
public sealed record Delivery(
    [property: Id(0)] SessionEvent Event,
    [property: Id(1)] Audience To,
    [property: Id(2)] string? ParticipantId = null);

/// <summary>
/// What a session grain sends each subscribed gateway: one group commit's deliveries under one
/// seq, or (merged by a gateway that fell behind) several commits' under seqs From..Seq.
/// </summary>
[GenerateSerializer, Immutable, Alias("cafe.SessionChanges")]
public sealed record SessionChanges(
    [property: Id(0)] long Seq,
    [property: Id(1)] Delivery[] Deliveries,
    [property: Id(2)] DateTimeOffset CommittedAt = default,
    [property: Id(3)] long? From = null)
{
    /// <summary>The batch a screen of this role group receives (empty events when none concern it).</summary>
    public ChangeBatch For(Audience group) =>
        new(Seq, [.. Deliveries.Where(d => (d.To & group) != 0).Select(d => d.Event)], From);

    /// <summary>
    /// Consecutive batches as one: events in order, values a later event replaces dropped, the
    /// oldest commit time kept (latency is measured from the change that waited longest).
    /// </summary>
    public static SessionChanges Merge(IReadOnlyList<SessionChanges> consecutive) => consecutive.Count == 1
        ? consecutive[0]
        : new(consecutive[^1].Seq,
            ChangeCompaction.Compact([.. consecutive.SelectMany(c => c.Deliveries)]),
            consecutive[0].CommittedAt,
            consecutive[0].From ?? consecutive[0].Seq);

    /// <summary>Personal events, by participant, in order.</summary>
    public IEnumerable<(string ParticipantId, ChangeBatch Batch)> Personal() =>
        Deliveries.Where(d => d.To == Audience.Personal && d.ParticipantId is not null)
            .GroupBy(d => d.ParticipantId!)
            .Select(g => (g.Key, new ChangeBatch(Seq, [.. g.Select(d => d.Event)])));
}

/// <summary>A change in a session as screens see it; "type" names the kind on the wire.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(QuestionAsked), "questionAsked")]
[JsonDerivedType(typeof(QuestionVotesChanged), "questionVotes")]
[JsonDerivedType(typeof(QuestionUpdated), "questionUpdated")]
[JsonDerivedType(typeof(QuestionRemoved), "questionRemoved")]
[JsonDerivedType(typeof(ModerationChanged), "moderation")]
[JsonDerivedType(typeof(VideoChanged), "video")]
[JsonDerivedType(typeof(CafeListed), "cafeListed")]
[JsonDerivedType(typeof(ReportPublished), "reportPublished")]
[JsonDerivedType(typeof(ConclusionChanged), "conclusion")]
[JsonDerivedType(typeof(ProgrammeJoined), "programmeJoined")]
[JsonDerivedType(typeof(HandsChanged), "hands")]
[JsonDerivedType(typeof(SpeakerChanged), "speaker")]
[JsonDerivedType(typeof(MeChanged), "me")]
[JsonDerivedType(typeof(ModeratorLinksChanged), "moderatorLinks")]
[JsonDerivedType(typeof(KioskLinksChanged), "kioskLinks")]
[JsonDerivedType(typeof(RoleRevoked), "roleRevoked")]
[JsonDerivedType(typeof(ParticipantMuted), "participantMuted")]
[JsonDerivedType(typeof(SessionDeleted), "sessionDeleted")]
[JsonDerivedType(typeof(PollUpdated), "pollUpdated")]
[JsonDerivedType(typeof(PollRemoved), "pollRemoved")]
[JsonDerivedType(typeof(PollResultsChanged), "pollResults")]
[JsonDerivedType(typeof(CountsChanged), "counts")]
[JsonDerivedType(typeof(SessionStateChanged), "sessionState")]
[JsonDerivedType(typeof(ScreenChanged), "screenChanged")]
[JsonDerivedType(typeof(QuestionReplied), "questionReplied")]
[JsonDerivedType(typeof(Announced), "announced")]
[JsonDerivedType(typeof(AnnouncementDismissed), "announcementDismissed")]
[JsonDerivedType(typeof(QuestionsPausedChanged), "questionsPaused")]
[JsonDerivedType(typeof(ProfanityFilterChanged), "profanityFilter")]
[JsonDerivedType(typeof(EasyReadChanged), "easyRead")]
[JsonDerivedType(typeof(LeaderboardChanged), "leaderboardChanged")]
[JsonDerivedType(typeof(ReactionsChanged), "reactionsChanged")]
[JsonDerivedType(typeof(OpinionChanged), "opinionChanged")]
[JsonDerivedType(typeof(StatementCountsChanged), "statementCounts")]
[JsonDerivedType(typeof(OpinionMapChanged), "opinionMap")]
[JsonDerivedType(typeof(OpinionMeChanged), "opinionMe")]
[JsonDerivedType(typeof(StatementUpdated), "statementUpdated")]
[JsonDerivedType(typeof(OpinionNationalChanged), "opinionNational")]
[JsonDerivedType(typeof(AgendaChanged), "agendaChanged")]
[JsonDerivedType(typeof(ActivityChanged), "activityChanged")]
[JsonDerivedType(typeof(DetailsChanged), "detailsChanged")]
[GenerateSerializer, Immutable, Alias("cafe.SessionEvent")]
public abstract record SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.QuestionAsked")]
public sealed record QuestionAsked([property: Id(0)] QuestionView Question) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.QuestionVotesChanged")]
public sealed record QuestionVotesChanged([property: Id(0)] string QuestionId, [property: Id(1)] int Votes) : SessionEvent;

/// <summary>The question as this audience now sees it (status, text, votes); add it if unknown.</summary>
[GenerateSerializer, Immutable, Alias("cafe.QuestionUpdated")]
public sealed record QuestionUpdated([property: Id(0)] QuestionView Question) : SessionEvent;

/// <summary>This audience no longer sees the question: withdrawn, hidden, rejected or merged.</summary>
[GenerateSerializer, Immutable, Alias("cafe.QuestionRemoved")]
public sealed record QuestionRemoved(
    [property: Id(0)] string QuestionId,
    [property: Id(1)] QuestionStatus Reason,
    [property: Id(2)] string? MergedInto = null) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.ModerationChanged")]
public sealed record ModerationChanged([property: Id(0)] bool PreModeration) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.VideoChanged")]
public sealed record VideoChanged([property: Id(0)] VideoView? Video) : SessionEvent;

/// <summary>The session is now one of a national programme's cafés (its polls carry ProgrammePollId).</summary>
[GenerateSerializer, Immutable, Alias("cafe.ProgrammeJoined")]
public sealed record ProgrammeJoined([property: Id(0)] string ProgrammeId) : SessionEvent;

/// <summary>Staff only: whether the session report is public (anyone with the join code reads it).</summary>
[GenerateSerializer, Immutable, Alias("cafe.ReportPublished")]
public sealed record ReportPublished([property: Id(0)] bool Public) : SessionEvent;

/// <summary>Staff only: the report's conclusion as written now (absent: none).</summary>
[GenerateSerializer, Immutable, Alias("cafe.ConclusionChanged")]
public sealed record ConclusionChanged([property: Id(0)] string? Text) : SessionEvent;

/// <summary>Staff only: the café's listing on the map as published now (absent: not on the map).</summary>
[GenerateSerializer, Immutable, Alias("cafe.CafeListed")]
public sealed record CafeListed([property: Id(0)] CafeListingRequest? Listing) : SessionEvent;

/// <summary>The speaking queue, in order (staff only).</summary>
[GenerateSerializer, Immutable, Alias("cafe.HandsChanged")]
public sealed record HandsChanged([property: Id(0)] HandView[] Hands) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.SpeakerChanged")]
public sealed record SpeakerChanged([property: Id(0)] SpeakerView? Speaker) : SessionEvent;

/// <summary>Personal: the receiver's own state changed (muted, hand raised, called to speak).</summary>
[GenerateSerializer, Immutable, Alias("cafe.MeChanged")]
public sealed record MeChanged([property: Id(0)] Me Me) : SessionEvent;

/// <summary>Staff: the moderator links now active (without their keys).</summary>
/// <summary>Staff: the kiosk links (without keys) after one was created or revoked.</summary>
[GenerateSerializer, Immutable, Alias("cafe.KioskLinksChanged")]
public sealed record KioskLinksChanged([property: Id(0)] KioskLinkView[] Links) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.ModeratorLinksChanged")]
public sealed record ModeratorLinksChanged([property: Id(0)] ModeratorLinkView[] Links) : SessionEvent;

/// <summary>Personal: the receiver's moderator link was revoked; the gateway then closes their connections.</summary>
[GenerateSerializer, Immutable, Alias("cafe.RoleRevoked")]
public sealed record RoleRevoked([property: Id(0)] string Message) : SessionEvent;

/// <summary>The poll as this audience now sees it (created, edited, opened, closed, revealed): add or replace it.</summary>
[GenerateSerializer, Immutable, Alias("cafe.PollUpdated")]
public sealed record PollUpdated([property: Id(0)] PollView Poll) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.PollRemoved")]
public sealed record PollRemoved([property: Id(0)] string PollId) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.PollResultsChanged")]
public sealed record PollResultsChanged([property: Id(0)] string PollId, [property: Id(1)] PollResults Results) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.CountsChanged")]
public sealed record CountsChanged([property: Id(0)] Counts Counts) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.SessionStateChanged")]
public sealed record SessionStateChanged([property: Id(0)] SessionPhase State) : SessionEvent;

/// <summary>Staff: a participant was muted or unmuted.</summary>
[GenerateSerializer, Immutable, Alias("cafe.ParticipantMuted")]
public sealed record ParticipantMuted([property: Id(0)] string ParticipantId, [property: Id(1)] bool Muted) : SessionEvent;

/// <summary>The session and all its data were deleted (by the facilitator, or at the end of retention).</summary>
[GenerateSerializer, Immutable, Alias("cafe.SessionDeleted")]
public sealed record SessionDeleted : SessionEvent;

/// <summary>What the room's screen shows now, shaped as the snapshot's screen (to every audience).</summary>
[GenerateSerializer, Immutable, Alias("cafe.ScreenChanged")]
public sealed record ScreenChanged([property: Id(0)] ScreenView View, [property: Id(1)] string? PollId = null,
    [property: Id(2)] string? OpinionId = null, [property: Id(3)] bool? National = null) : SessionEvent;

/// <summary>Personal, to a question's author: the staff replied to it (the reply also travels in questionUpdated).</summary>
[GenerateSerializer, Immutable, Alias("cafe.QuestionReplied")]
public sealed record QuestionReplied([property: Id(0)] string QuestionId, [property: Id(1)] string Reply) : SessionEvent;

/// <summary>The banner every screen shows now; it replaces the previous one.</summary>
[GenerateSerializer, Immutable, Alias("cafe.Announced")]
public sealed record Announced([property: Id(0)] Announcement Announcement) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.AnnouncementDismissed")]
public sealed record AnnouncementDismissed([property: Id(0)] string Id) : SessionEvent;

/// <summary>New questions are refused (paused) or welcome again; reading and upvoting go on.</summary>
[GenerateSerializer, Immutable, Alias("cafe.QuestionsPausedChanged")]
public sealed record QuestionsPausedChanged([property: Id(0)] bool Paused) : SessionEvent;

[GenerateSerializer, Immutable, Alias("cafe.ProfanityFilterChanged")]
public sealed record ProfanityFilterChanged([property: Id(0)] ProfanityMode Mode) : SessionEvent;

/// <summary>The quiz leaderboard now (to every audience), after a quiz closed or was deleted.</summary>
[GenerateSerializer, Immutable, Alias("cafe.LeaderboardChanged")]
public sealed record LeaderboardChanged([property: Id(0)] LeaderboardView? Leaderboard) : SessionEvent;

/// <summary>The session's default for easy-read mode (FALC) changed; each page may still be switched by its reader.</summary>
[GenerateSerializer, Immutable, Alias("cafe.EasyReadChanged")]
public sealed record EasyReadChanged([property: Id(0)] bool On) : SessionEvent;
