using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// Live reactions. A reaction is not a command: the gateways count their connections' taps
/// (each checked against <see cref="Reactions.Refuse"/>) and hand the session a tally every few
/// hundred milliseconds; the session counts it per minute for the report and returns the burst
/// to show. No event, no seq, no write of its own: the counts go with the next commit.
/// </summary>
public sealed partial class Session
{
    /// <summary>The setting now: on or off, and the kinds.</summary>
    public Reactions ReactionSetting() => new(!state.ReactionsOff, state.ReactionKinds ?? Reactions.DefaultKinds);

    /// <summary>Staff: switches reactions on or off, and replaces the kinds when given.</summary>
    public Outcome<Done> SetReactions(string participantId, ReactionsRequest request)
    {
        if (Staff(participantId) is { Why: { } refusal })
        {
            return Outcome<Done>.Refuse(refusal);
        }
        if (state.Phase == SessionPhase.Ended)
        {
            return Refuse<Done>(RefusalCodes.Closed, "This session has ended.");
        }
        var current = ReactionSetting();
        var kinds = current.Kinds;
        if (request.Kinds is { } asked)
        {
            if (CleanKinds(asked) is not { } clean)
            {
                return Refuse<Done>(RefusalCodes.Invalid,
                    $"Reactions are 1 to {limits.MaxReactionKinds} different kinds, each 1 to {limits.MaxReactionKindLength} characters.");
            }
            kinds = clean;
        }
        var next = new Reactions(request.Enabled, kinds);
        if (next == current)
        {
            return Ok();
        }
        state.ReactionsOff = !next.Enabled;
        state.ReactionKinds = kinds;
        Emit(new ReactionsChanged(next));
        return Ok();
    }

    /// <summary>Why this participant may not react with this kind now (null: they may). The gateway checks the same with what it knows.</summary>
    public Refusal? RefuseReaction(string participantId, string? kind) =>
        Contributor(participantId) is { Why: { } refusal } ? refusal : ReactionSetting().Refuse(kind, state.Phase);

    /// <summary>
    /// Counts a gateway's tally in the current minute. What the session does not take now (a kind
    /// dropped or reactions switched off since the gateway counted it, a session ended) is left
    /// out. Returns the burst taken, or null when nothing was. Marks the state to be written with
    /// the next commit (no event: reactions never move the seq).
    /// </summary>
    public ReactionBurst? AddReactions(ReactionTally tally)
    {
        var setting = ReactionSetting();
        var counts = new Dictionary<string, int>();
        int onsite = 0, remote = 0;
        ReactionMinute? minute = null;
        foreach (var count in tally.Counts ?? [])
        {
            if (count is null || count.Onsite < 0 || count.Remote < 0 || count.Onsite + count.Remote == 0
                || setting.Refuse(count.Kind, state.Phase) is not null)
            {
                continue;
            }
            minute ??= CurrentReactionMinute();
            if (minute is null)
            {
                break;
            }
            if (!minute.Counts.TryGetValue(count.Kind, out var split))
            {
                minute.Counts[count.Kind] = split = new ReactionSplit();
            }
            (split.Onsite, split.Remote) = (split.Onsite + count.Onsite, split.Remote + count.Remote);
            counts[count.Kind] = counts.GetValueOrDefault(count.Kind) + count.Onsite + count.Remote;
            (onsite, remote) = (onsite + count.Onsite, remote + count.Remote);
        }
        if (counts.Count == 0)
        {
            return null;
        }
        MarkDirty();
        return new ReactionBurst(counts, onsite, remote);
    }

    /// <summary>This minute's counts, started if need be; the oldest minute goes once the session keeps as many as it may.</summary>
    private ReactionMinute? CurrentReactionMinute()
    {
        var now = clock.GetUtcNow();
        var at = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var minutes = state.ReactionMinutes;
        if (minutes.Count > 0 && minutes[^1].At == at)
        {
            return minutes[^1];
        }
        if (limits.MaxReactionMinutes < 1)
        {
            return null;
        }
        if (minutes.Count >= limits.MaxReactionMinutes)
        {
            minutes.RemoveRange(0, minutes.Count - limits.MaxReactionMinutes + 1);
        }
        minutes.Add(new ReactionMinute { At = at });
        return minutes[^1];
    }

    /// <summary>The kinds as given, each cleaned like any text, if they are 1..MaxReactionKinds distinct ones.</summary>
    private string[]? CleanKinds(string?[] asked)
    {
        if (asked.Length < 1 || asked.Length > limits.MaxReactionKinds)
        {
            return null;
        }
        var clean = new string[asked.Length];
        for (var i = 0; i < asked.Length; i++)
        {
            if (Text.Required(asked[i], limits.MaxReactionKindLength) is not { } kind || kind.Any(char.IsWhiteSpace))
            {
                return null;
            }
            clean[i] = kind;
        }
        return clean.Distinct(StringComparer.Ordinal).Count() == clean.Length ? clean : null;
    }

    private ReportReactions ReactionReport()
    {
        var kinds = ReactionSetting().Kinds;
        var byKind = new Dictionary<string, (int Onsite, int Remote)>();
        var timeline = new List<ReportReactionMinute>(state.ReactionMinutes.Count);
        foreach (var minute in state.ReactionMinutes)
        {
            foreach (var (kind, split) in minute.Counts)
            {
                var (o, r) = byKind.GetValueOrDefault(kind);
                byKind[kind] = (o + split.Onsite, r + split.Remote);
            }
            timeline.Add(new ReportReactionMinute(minute.At, [.. Ordered(minute.Counts.Select(c => (c.Key, c.Value.Onsite, c.Value.Remote)))]));
        }
        var totals = Ordered(byKind.Select(k => (k.Key, k.Value.Onsite, k.Value.Remote))).ToArray();
        return new ReportReactions(totals.Sum(k => k.Count), totals.Sum(k => k.Onsite), totals.Sum(k => k.Remote), kinds, totals, [.. timeline]);

        // The session's kinds in their order first, then kinds dropped since, by name.
        IEnumerable<ReportReactionCount> Ordered(IEnumerable<(string Kind, int Onsite, int Remote)> counts) => counts
            .OrderBy(c => Array.IndexOf(kinds, c.Kind) is var i && i >= 0 ? i : int.MaxValue).ThenBy(c => c.Kind, StringComparer.Ordinal)
            .Select(c => new ReportReactionCount(c.Kind, c.Onsite + c.Remote, c.Onsite, c.Remote));
    }
}
