using System.Text.Json.Serialization;
using CafeIA.Wire;

namespace CafeIA.Domain;

// The opinion map's stored state: the opinion and its statements live in the session document;
// each voter's votes on one opinion are a row of their own (Storage/SessionStore, kind "o"), so a
// vote writes a few hundred bytes, like a ballot. Add properties freely; never rename one.

public sealed class Opinion
{
    public string Id { get; set; } = "";
    public string Topic { get; set; } = "";
    public OpinionState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>In the order they were added (the map's statement order).</summary>
    public List<Statement> Statements { get; set; } = [];
    public int StatementsAdded { get; set; }

    /// <summary>
    /// The groups and consensus of the last recompute (no dots, no names), kept so the report and a
    /// restarted session still have them; the dots come back with the next recompute.
    /// </summary>
    public OpinionSummary? LastMap { get; set; }

    /// <summary>Pushed by a national programme (null: the café's own opinion).</summary>
    public Guid? ProgrammeId { get; set; }
    public string? NationalOpinionId { get; set; }

    /// <summary>The national pool's statement ids as this café last learnt them, in pool order.</summary>
    public List<string> NationalStatementIds { get; set; } = [];

    /// <summary>The last national map's groups and consensus (over this café's statement ids), sizes only.</summary>
    public NationalSummary? LastNational { get; set; }

    /// <summary>By participant id: each voter's votes (stored as rows of their own).</summary>
    [JsonIgnore]
    public Dictionary<string, OpinionVoter> Voters { get; set; } = [];
}

public sealed class Statement
{
    public string Id { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>Who wrote it (a staff member for seed statements).</summary>
    public string AuthorId { get; set; } = "";
    public StatementStatus Status { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    /// <summary>Given with the opinion when it was created.</summary>
    public bool Seed { get; set; }

    /// <summary>Held back by the profanity filter (review mode) until a moderator approves it.</summary>
    public bool Flagged { get; set; }
    public bool EverFlagged { get; set; }

    /// <summary>Its id in the programme's national pool (seeds, pooled statements, and this café's own once pooled).</summary>
    public string? NationalId { get; set; }

    /// <summary>Came from another café through the national pool (authored by nobody here).</summary>
    public bool Pooled { get; set; }
}

/// <summary>One participant's votes on one opinion: the vote per statement id, counted in their mode.</summary>
public sealed class OpinionVoter
{
    public ParticipantMode Mode { get; set; }
    public Dictionary<string, StatementVote> Votes { get; set; } = [];
}

/// <summary>What the session keeps of the last map: groups (sizes, split, representative statements) and consensus.</summary>
public sealed class OpinionSummary
{
    public DateTimeOffset At { get; set; }
    public List<OpinionGroupView> Groups { get; set; } = [];
    public List<ConsensusView> Consensus { get; set; } = [];
}

/// <summary>What the session keeps of the last national map: no dots, no people.</summary>
public sealed class NationalSummary
{
    public DateTimeOffset At { get; set; }
    public List<OpinionGroupView> Groups { get; set; } = [];
    public List<ConsensusView> Consensus { get; set; } = [];
    public int Cafes { get; set; }
    public int People { get; set; }
}
