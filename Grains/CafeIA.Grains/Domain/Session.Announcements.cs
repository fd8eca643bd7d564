using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>A banner from the staff on every phone and on the projector, until dismissed; a new one replaces the old.</summary>
public sealed partial class Session
{
    public Outcome<Announcement> Announce(string participantId, AnnounceRequest request)
    {
        if (StaffChange(participantId) is { } refusal)
        {
            return Outcome<Announcement>.Refuse(refusal);
        }
        if (Text.Required(request.Text, limits.MaxAnnouncementLength) is not { } typed)
        {
            return Refuse<Announcement>(RefusalCodes.Invalid, $"An announcement needs 1 to {limits.MaxAnnouncementLength} characters.");
        }
        var now = clock.GetUtcNow();
        if (state.Announcement is { } previous)
        {
            Dismissed(previous, now);
        }
        var announcement = new Announcement($"n{state.Announcements.Count + 1}", StaffText(typed), now);
        state.Announcement = announcement;
        state.Announcements.Add(new AnnouncementRecord { Id = announcement.Id, Text = announcement.Text, At = now });
        Emit(new Announced(announcement));
        return Outcome<Announcement>.Ok(announcement);
    }

    /// <summary>Takes the banner down; with none up, changes nothing.</summary>
    public Outcome<Done> DismissAnnouncement(string participantId)
    {
        if (StaffChange(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (state.Announcement is { } current)
        {
            Dismissed(current, clock.GetUtcNow());
            state.Announcement = null;
            Emit(new AnnouncementDismissed(current.Id));
        }
        return Ok();
    }

    private void Dismissed(Announcement announcement, DateTimeOffset at)
    {
        if (state.Announcements.Find(a => a.Id == announcement.Id) is { } record)
        {
            record.DismissedAt = at;
        }
    }
}
