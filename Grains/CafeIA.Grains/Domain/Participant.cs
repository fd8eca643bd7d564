using System.Text.Json.Serialization;
using CafeIA.Wire;

namespace CafeIA.Domain;

// Stored with the session (see SessionState.cs): add properties freely, never rename one.

public sealed class Participant
{
    public string Id { get; set; } = "";
    public string? DisplayName { get; set; }
    public ParticipantMode Mode { get; set; }
    public Role Role { get; set; }
    public string ResumeSecretHash { get; set; } = "";
    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>Open connections; presence, not identity: reset when the session activates.</summary>
    [JsonIgnore]
    public int Connections { get; set; }

    /// <summary>Muted by a moderator: still watches and votes, does not post.</summary>
    public bool Muted { get; set; }

    /// <summary>For a moderator: the link they joined with; revoking it revokes them.</summary>
    public string? ModeratorLinkId { get; set; }

    /// <summary>For a kiosk: the link it joined with; revoking it revokes the kiosk.</summary>
    public string? KioskLinkId { get; set; }
    public bool Revoked { get; set; }

    /// <summary>The last operations this participant had applied, so a retried one is answered, not redone.</summary>
    public List<OperationRecord> RecentOperations { get; set; } = [];

    [JsonIgnore]
    public bool CountsAsAttendee => Role == Role.Participant && Connections > 0;

    [JsonIgnore]
    public bool IsStaff => !Revoked && Role is Role.Facilitator or Role.Moderator;
}

public sealed class ModeratorLink
{
    public string Id { get; set; } = "";
    public string? Label { get; set; }
    public string KeyHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class KioskLink
{
    public string Id { get; set; } = "";
    public string? Label { get; set; }
    public string KeyHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Turns taken so far (each turn's ballot is numbered by it, never reused).</summary>
    public int Turns { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class RaisedHand
{
    public string ParticipantId { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }
}
