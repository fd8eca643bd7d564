using CafeIA.Domain.Polls;
using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// The kiosk: a shared device on site (at the entrance, or passed around the room). People take
/// turns; each turn is one new anonymous on-site ballot, numbered per kiosk so the report tells the
/// kiosks apart and the staff (or the kiosk) can undo the last turn.
/// </summary>
public sealed partial class Session
{
    public Outcome<KioskLinkView> CreateKioskLink(string participantId, string? facilitatorKey, string? label)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<KioskLinkView>.Refuse(refusal);
        }
        if (facilitatorKey is null || !Secrets.Matches(facilitatorKey, state.FacilitatorKeyHash))
        {
            return Refuse<KioskLinkView>(RefusalCodes.Forbidden, "Open the facilitator link again to create kiosk links.");
        }
        var cleanLabel = Text.Optional(label, limits.MaxModeratorLinkLabelLength, out var validLabel);
        if (!validLabel)
        {
            return Refuse<KioskLinkView>(RefusalCodes.Invalid, $"A link name has at most {limits.MaxModeratorLinkLabelLength} characters.");
        }
        if (state.KioskLinks.Count(l => l.RevokedAt is null) >= limits.MaxKioskLinks)
        {
            return Refuse<KioskLinkView>(RefusalCodes.Invalid, $"A session has at most {limits.MaxKioskLinks} kiosk links.");
        }
        var id = $"k{++state.KioskLinksCreated}";
        var key = KioskKey(facilitatorKey, id);
        var link = new KioskLink { Id = id, Label = cleanLabel, KeyHash = Secrets.Hash(key), CreatedAt = clock.GetUtcNow() };
        state.KioskLinks.Add(link);
        EmitKioskLinks();
        return Outcome<KioskLinkView>.Ok(new KioskLinkView(link.Id, link.Label, link.CreatedAt, key));
    }

    /// <summary>The link stops working at once: the kiosk is disconnected; the ballots it took stay counted.</summary>
    public Outcome<Done> RevokeKioskLink(string participantId, string? linkId)
    {
        if (Facilitator(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (LiveKioskLink(linkId) is not { } link)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such kiosk link.");
        }
        link.RevokedAt = clock.GetUtcNow();
        foreach (var kiosk in state.Participants.Values.Where(p => p.KioskLinkId == link.Id && !p.Revoked))
        {
            kiosk.Revoked = true;
            ParticipantChanged(kiosk);
            EmitTo(kiosk, new RoleRevoked("Ce lien de borne a été révoqué."));
        }
        EmitKioskLinks();
        return Ok();
    }

    /// <summary>
    /// One person's turn at the kiosk: a new anonymous on-site ballot (never a change of the last
    /// one). Choice polls, ratings, rankings and points; a quiz (scored per person), a word cloud and
    /// open text (free text, moderated per author) are refused as invalid.
    /// </summary>
    public Outcome<Done> KioskVote(string participantId, VoteRequest request)
    {
        if (Kiosk(participantId) is not { } link)
        {
            return Refuse<Done>(RefusalCodes.Forbidden, "Only a kiosk takes turns.");
        }
        if (state.Phase == SessionPhase.Ended)
        {
            return Refuse<Done>(RefusalCodes.Closed, "This session has ended.");
        }
        if (FindPoll(request.PollId) is not { } poll || poll.State == PollState.Draft)
        {
            return Refuse<Done>(RefusalCodes.NotFound, "There is no such poll.");
        }
        if (poll.Kind is PollKind.Quiz or PollKind.WordCloud or PollKind.OpenText)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "A kiosk takes choices, ratings, rankings and points, not quizzes or typed answers.");
        }
        if (poll.State != PollState.Open)
        {
            return Refuse<Done>(RefusalCodes.Closed, "This poll is not open for votes.");
        }
        if (poll.Ballots.Count >= limits.MaxKioskBallotsPerPoll)
        {
            return Refuse<Done>(RefusalCodes.Invalid, "This poll has taken as many kiosk ballots as it can.");
        }
        var (ballot, invalid) = PollRules.Ballot(poll, request, limits);
        if (ballot is null)
        {
            return Outcome<Done>.Refuse(invalid!);
        }
        ballot.Mode = ParticipantMode.Onsite;
        ballot.CastAt = clock.GetUtcNow();
        ballot.KioskLinkId = link.Id;
        ballot.KioskTurn = ++link.Turns;
        var voterId = $"{link.Id}-{ballot.KioskTurn}";
        poll.Ballots[voterId] = ballot;
        BallotChanged(poll, voterId);
        PublishResults(poll);
        return Ok();
    }

    /// <summary>Takes back the kiosk's last turn still counted (a kiosk its own; the staff name the kiosk's link).</summary>
    public Outcome<KioskTurnUndone> UndoKioskTurn(string participantId, string? linkId)
    {
        KioskLink? link;
        if (Find(participantId) is { IsStaff: true })
        {
            if ((link = state.KioskLinks.Find(l => l.Id == linkId)) is null)
            {
                return Refuse<KioskTurnUndone>(RefusalCodes.NotFound, "There is no such kiosk link.");
            }
        }
        else if ((link = Kiosk(participantId)) is null)
        {
            return Refuse<KioskTurnUndone>(RefusalCodes.Forbidden, "Only a kiosk or the staff can undo a kiosk's turn.");
        }
        if (state.Phase == SessionPhase.Ended)
        {
            return Refuse<KioskTurnUndone>(RefusalCodes.Closed, "This session has ended.");
        }
        var turns = state.Polls
            .SelectMany(p => p.Ballots.Where(b => b.Value.KioskLinkId == link.Id).Select(b => (Poll: p, VoterId: b.Key, b.Value.KioskTurn)))
            .ToList();
        if (turns.Count == 0)
        {
            return Refuse<KioskTurnUndone>(RefusalCodes.NotFound, "This kiosk has no turn to undo.");
        }
        var last = turns.MaxBy(t => t.KioskTurn);
        last.Poll.Ballots.Remove(last.VoterId);
        BallotRemoved(last.Poll, last.VoterId);
        PublishResults(last.Poll);
        return Outcome<KioskTurnUndone>.Ok(new KioskTurnUndone(last.Poll.Id));
    }

    /// <summary>The kiosk's link when the participant is a kiosk whose link still holds.</summary>
    private KioskLink? Kiosk(string participantId) =>
        Find(participantId) is { Role: Role.Kiosk, Revoked: false, KioskLinkId: { } id } ? LiveKioskLink(id) : null;

    private KioskLink? LiveKioskLink(string? linkId) => state.KioskLinks.Find(l => l.Id == linkId && l.RevokedAt is null);

    private KioskLinkView[] KioskLinkViews() =>
        [.. state.KioskLinks.Where(l => l.RevokedAt is null).Select(l => new KioskLinkView(l.Id, l.Label, l.CreatedAt))];

    private KioskLinkView[] KioskLinkViews(string facilitatorKey) =>
        [.. state.KioskLinks.Where(l => l.RevokedAt is null).Select(l => new KioskLinkView(l.Id, l.Label, l.CreatedAt, KioskKey(facilitatorKey, l.Id)))];

    private void EmitKioskLinks() => Emit(new KioskLinksChanged(KioskLinkViews()), Audience.Staff);

    /// <summary>Kiosk keys are derived from the facilitator key and the link id, like moderator keys, never stored.</summary>
    private static string KioskKey(string facilitatorKey, string linkId) => Secrets.Derive(facilitatorKey, $"kiosk:{linkId}");

    /// <summary>The report's ballots per kiosk (revoked kiosks too), counting the ballots still held.</summary>
    private ReportKiosk[]? ReportKiosks() => state.KioskLinks.Count == 0
        ? null
        : [.. state.KioskLinks.Select(l => new ReportKiosk(l.Id, l.Label, state.Polls.Where(p => p.State != PollState.Draft).Sum(p => p.Ballots.Values.Count(b => b.KioskLinkId == l.Id))))];
}
