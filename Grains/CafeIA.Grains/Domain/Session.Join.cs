using CafeIA.Wire;

namespace CafeIA.Domain;

public sealed partial class Session
{
    /// <summary>Joins, and answers with the joiner's snapshot as of now (see <see cref="Admit"/>).</summary>
    public Outcome<JoinResult> Join(JoinOptions options)
    {
        var admitted = Admit(options);
        return admitted.Value is { } admission ? Answer(admission) : Outcome<JoinResult>.Refuse(admitted.Refusal!);
    }

    /// <summary>
    /// The answer to a join, with the joiner's snapshot as of now; refused if the participant was
    /// removed in the meantime (a command of the same batch).
    /// </summary>
    public Outcome<JoinResult> Answer(Admission admitted) =>
        Find(admitted.ParticipantId) is { Revoked: false } participant
            ? Outcome<JoinResult>.Ok(new JoinResult(admitted.ParticipantId, admitted.Role, admitted.ResumeToken, Snapshot(participant), admitted.StaffKeys))
            : Refuse<JoinResult>(RefusalCodes.Forbidden, "This participant was removed from the session.");

    /// <summary>
    /// Joins (or rejoins, with a valid resume token) and counts one more open connection.
    /// A key grants the staff role it was made for; a wrong or revoked key is refused, a stale
    /// token is not: it only means a new identity. The snapshot is left to <see cref="Answer"/>:
    /// the grain makes it once, when the batch holding the join is taken.
    /// </summary>
    public Outcome<Admission> Admit(JoinOptions options)
    {
        var name = Text.Optional(options.DisplayName, limits.MaxDisplayNameLength, out var validName);
        if (!validName)
        {
            return Refuse<Admission>(RefusalCodes.Invalid, $"A display name has at most {limits.MaxDisplayNameLength} characters.");
        }
        if (!Enum.IsDefined(options.Mode))
        {
            return Refuse<Admission>(RefusalCodes.Invalid, "Mode must be onsite or remote.");
        }
        var (role, linkId) = (Role.Participant, (string?)null);
        StaffKeys? staffKeys = null;
        if (!string.IsNullOrEmpty(options.Key))
        {
            if (RoleForKey(options.Key) is not { } keyRole)
            {
                return Refuse<Admission>(RefusalCodes.Forbidden, "This key does not open this session, or it was revoked.");
            }
            (role, linkId) = keyRole;
            staffKeys = role == Role.Facilitator ? StaffKeysFor(options.Key) : null;
        }

        var (participant, token) = Resume(options.ResumeToken, role, linkId);
        if (participant is null && role == Role.Participant && state.Participants.Count >= limits.MaxParticipantsPerSession)
        {
            // The bound on what one session stores and serves; whoever joined before comes back.
            return Refuse<Admission>(RefusalCodes.Full, $"This session is full ({limits.MaxParticipantsPerSession} participants).");
        }
        if (participant is null)
        {
            var secret = Secrets.NewKey();
            participant = new Participant
            {
                Id = Secrets.NewParticipantId(),
                DisplayName = role == Role.Kiosk ? null : name,
                Role = role,
                // A kiosk is on site, whatever the page says.
                Mode = role == Role.Kiosk ? ParticipantMode.Onsite : options.Mode,
                ModeratorLinkId = role == Role.Moderator ? linkId : null,
                KioskLinkId = role == Role.Kiosk ? linkId : null,
                ResumeSecretHash = Secrets.Hash(secret),
                JoinedAt = clock.GetUtcNow(),
            };
            state.Participants[participant.Id] = participant;
            token = $"{participant.Id}.{secret}";
            ParticipantChanged(participant);
        }
        else if (name is not null && name != participant.DisplayName && role != Role.Kiosk)
        {
            participant.DisplayName = name;
            ParticipantChanged(participant);
        }

        ChangePresence(participant, +1);
        return Outcome<Admission>.Ok(new Admission(participant.Id, participant.Role, token!, staffKeys));
    }

    /// <summary>One connection of this participant closed.</summary>
    public void Disconnected(string participantId)
    {
        if (Find(participantId) is { Connections: > 0 } participant)
        {
            ChangePresence(participant, -1);
        }
    }

    /// <summary>
    /// Counts move only when an attendee's first connection opens or last one closes; the
    /// tally is adjusted by one instead of recounted, a join wave touching every participant.
    /// </summary>
    private void ChangePresence(Participant participant, int delta)
    {
        var before = participant.CountsAsAttendee;
        participant.Connections += delta;
        if (participant.CountsAsAttendee == before)
        {
            return;
        }
        var step = before ? -1 : 1;
        var counts = Counts();
        _counts = participant.Mode == ParticipantMode.Onsite ? counts with { Onsite = counts.Onsite + step } : counts with { Remote = counts.Remote + step };
        // The staff and the room's screen show the attendance; the phones do not, and a join wave
        // would otherwise send every phone a count per join (docs/ARCHITECTURE.md, "Join wave").
        Emit(new CountsChanged(_counts), Audience.Staff | Audience.Projector);
        SampleAttendance(_counts);
    }

    /// <summary>Keeps the last count of each minute (a three-hour café: 180 samples at most).</summary>
    private void SampleAttendance(Counts counts)
    {
        var now = clock.GetUtcNow();
        var minute = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        if (state.Attendance.Count > 0 && state.Attendance[^1].At == minute)
        {
            (state.Attendance[^1].Onsite, state.Attendance[^1].Remote) = (counts.Onsite, counts.Remote);
        }
        else if (state.Attendance.Count < limits.MaxAttendanceSamples)
        {
            state.Attendance.Add(new AttendanceSample { At = minute, Onsite = counts.Onsite, Remote = counts.Remote });
        }
    }

    private (Role, string?)? RoleForKey(string key)
    {
        if (Secrets.Matches(key, state.FacilitatorKeyHash))
        {
            return (Role.Facilitator, null);
        }
        if (Secrets.Matches(key, state.ProjectorKeyHash))
        {
            return (Role.Projector, null);
        }
        if (state.ModeratorLinks.Find(l => Secrets.Matches(key, l.KeyHash)) is { } link)
        {
            return (Role.Moderator, link.Id);
        }
        return state.KioskLinks.Find(l => l.RevokedAt is null && Secrets.Matches(key, l.KeyHash)) is { } kiosk ? (Role.Kiosk, kiosk.Id) : null;
    }

    /// <summary>The participant a resume token names, if the token is genuine and the role still fits.</summary>
    private (Participant?, string?) Resume(string? token, Role role, string? linkId)
    {
        if (token is null || token.Split('.') is not [var id, var secret])
        {
            return (null, null);
        }
        return Find(id) is { Revoked: false } participant
               && participant.Role == role
               && (role == Role.Kiosk ? participant.KioskLinkId : participant.ModeratorLinkId) == linkId
               && Secrets.Matches(secret, participant.ResumeSecretHash)
            ? (participant, token)
            : (null, null);
    }
}

/// <summary>Who a join let in: the answer to JoinSession but for the snapshot (<see cref="Session.Answer"/>).</summary>
public sealed record Admission(string ParticipantId, Role Role, string ResumeToken, StaffKeys? StaffKeys);
