using CafeIA.Wire;

namespace CafeIA.Domain;

public sealed partial class Session
{
    /// <summary>Pre-moderation on: new questions from participants wait for a moderator's approval.</summary>
    public Outcome<Done> SetModeration(string participantId, ModerationSettings settings)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (state.PreModeration != settings.PreModeration)
        {
            state.PreModeration = settings.PreModeration;
            Emit(new ModerationChanged(settings.PreModeration));
        }
        return Ok();
    }

    /// <summary>A muted participant still watches and votes but can neither ask nor raise a hand.</summary>
    public Outcome<Done> SetMuted(string participantId, string? targetId, bool muted)
    {
        var (_, refusal) = Staff(participantId);
        if (refusal is not null)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (Find(targetId) is not { } target)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such participant.");
        }
        if (target.Role != Role.Participant)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "Only participants can be muted, not the staff.");
        }
        if (target.Muted == muted)
        {
            return Ok();
        }
        target.Muted = muted;
        ParticipantChanged(target);
        if (muted && state.Hands.RemoveAll(h => h.ParticipantId == target.Id) > 0)
        {
            EmitHands();
        }
        EmitTo(target, new MeChanged(MeOf(target)));
        Emit(new ParticipantMuted(target.Id, muted), Audience.Staff);
        return Ok();
    }

    public Outcome<ModeratorLinkView> CreateModeratorLink(string participantId, string? facilitatorKey, string? label)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<ModeratorLinkView>.Refuse(refusal);
        }
        if (facilitatorKey is null || !Secrets.Matches(facilitatorKey, state.FacilitatorKeyHash))
        {
            return Refuse<ModeratorLinkView>(RefusalCodes.Forbidden, "Open the facilitator link again to create moderator links.");
        }
        var cleanLabel = Text.Optional(label, limits.MaxModeratorLinkLabelLength, out var validLabel);
        if (!validLabel)
        {
            return Refuse<ModeratorLinkView>(RefusalCodes.Invalid, $"A link name has at most {limits.MaxModeratorLinkLabelLength} characters.");
        }
        if (state.ModeratorLinks.Count >= limits.MaxModeratorLinks)
        {
            return Refuse<ModeratorLinkView>(RefusalCodes.Invalid, $"A session has at most {limits.MaxModeratorLinks} moderator links.");
        }
        var key = AddModeratorLink(state, facilitatorKey, cleanLabel, clock.GetUtcNow());
        var link = state.ModeratorLinks[^1];
        EmitModeratorLinks();
        return Outcome<ModeratorLinkView>.Ok(new ModeratorLinkView(link.Id, link.Label, link.CreatedAt, key));
    }

    /// <summary>The link stops working at once: its holders lose the role and are disconnected.</summary>
    public Outcome<Done> RevokeModeratorLink(string participantId, string? linkId)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (state.ModeratorLinks.Find(l => l.Id == linkId) is not { } link)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such moderator link.");
        }
        state.ModeratorLinks.Remove(link);
        foreach (var holder in state.Participants.Values.Where(p => p.ModeratorLinkId == link.Id && !p.Revoked))
        {
            holder.Revoked = true;
            ParticipantChanged(holder);
            EmitTo(holder, new RoleRevoked("Ce lien de modération a été révoqué."));
        }
        EmitModeratorLinks();
        return Ok();
    }

    /// <summary>An https page shown above the questions for remote participants; null removes it.</summary>
    public Outcome<Done> SetVideo(string participantId, string? url)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        var clean = Text.Optional(url, limits.MaxVideoUrlLength, out var validUrl);
        if (!validUrl || (clean is not null && VideoEmbed.Parse(clean) is null))
        {
            return Refuse<Done>(RefusalCodes.Invalid, "Give the https address of the video or of the visio.");
        }
        if (clean != state.VideoUrl)
        {
            state.VideoUrl = clean;
            Emit(new VideoChanged(VideoEmbed.View(clean)));
        }
        return Ok();
    }

    internal StaffKeys StaffKeysFor(string facilitatorKey) => new(
        Secrets.Derive(facilitatorKey, "projector"),
        [.. state.ModeratorLinks.Select(l => new ModeratorLinkView(l.Id, l.Label, l.CreatedAt, ModeratorKey(facilitatorKey, l.Id)))],
        KioskLinkViews(facilitatorKey));

    private ModeratorLinkView[] ModeratorLinkViews() =>
        [.. state.ModeratorLinks.Select(l => new ModeratorLinkView(l.Id, l.Label, l.CreatedAt))];

    private void EmitModeratorLinks() => Emit(new ModeratorLinksChanged(ModeratorLinkViews()), Audience.Staff);

    /// <summary>Moderator keys are derived from the facilitator key and the link id, never stored.</summary>
    private static string ModeratorKey(string facilitatorKey, string linkId) => Secrets.Derive(facilitatorKey, $"moderator:{linkId}");

    private static string AddModeratorLink(SessionState state, string facilitatorKey, string? label, DateTimeOffset now)
    {
        var id = $"m{++state.ModeratorLinksCreated}";
        var key = ModeratorKey(facilitatorKey, id);
        state.ModeratorLinks.Add(new ModeratorLink { Id = id, Label = label, KeyHash = Secrets.Hash(key), CreatedAt = now });
        return key;
    }
}
