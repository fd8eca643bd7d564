using CafeIA.Wire;

namespace CafeIA.Integration.Tests.Fanout;

/// <summary>Change batches as a session grain would send them, for the fan-out's parts.</summary>
internal static class Batches
{
    /// <summary>A change every role group sees.</summary>
    public static SessionChanges ForEveryone(long seq, long? from = null) =>
        new(seq, [new Delivery(new CountsChanged(new Counts((int)seq, 0)), Audience.Everyone)], From: from);

    /// <summary>A change only the staff and the projector see (a ballot on a poll whose results are hidden).</summary>
    public static SessionChanges ForStaffOnly(long seq) =>
        new(seq, [new Delivery(new ParticipantMuted("p", true), Audience.Staff | Audience.Projector)]);

    /// <summary>A personal event for <paramref name="participantId"/>, and nothing for the groups.</summary>
    public static SessionChanges ForOne(long seq, string participantId, SessionEvent? change = null) =>
        new(seq, [new Delivery(change ?? new ParticipantMuted(participantId, true), Audience.Personal, participantId)]);
}
