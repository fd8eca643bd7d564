using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>An opinion as each audience sees it, and as one participant sees it in their snapshot.</summary>
public sealed partial class Session
{
    /// <summary>
    /// For a role group's broadcast: the staff every statement (flagged ones marked) and the dots;
    /// the projector approved statements and the dots; participants approved statements, no dots.
    /// </summary>
    private OpinionView OpinionView(Opinion opinion, Audience audience)
    {
        var staff = audience == Audience.Staff;
        var live = Live(opinion);
        return new OpinionView(
            opinion.Id, opinion.Topic, opinion.State,
            [.. opinion.Statements.Where(s => staff || s.Status == StatementStatus.Approved).Select(s => StatementView(live, s, staff))],
            [.. opinion.LastMap?.Groups ?? []],
            [.. opinion.LastMap?.Consensus ?? []],
            audience == Audience.Participants ? null : live.Dots ?? [],
            live.Voters,
            National: NationalView(opinion, audience),
            NationalOpinionId: opinion.NationalOpinionId);
    }

    /// <summary>In a snapshot: the viewer's own statements whatever their status, their votes, their place and next statement.</summary>
    private OpinionView OpinionView(Opinion opinion, Participant viewer)
    {
        var audience = viewer.IsStaff ? Audience.Staff : viewer.Role == Role.Projector ? Audience.Projector : Audience.Participants;
        var view = OpinionView(opinion, audience);
        if (viewer.Role != Role.Participant)
        {
            return view;
        }
        var live = Live(opinion);
        var place = PositionOf(live, viewer.Id);
        live.PlaceGiven[viewer.Id] = place;
        var nationalGroup = NationalGroupOf(live, viewer.Id);
        live.NationalGroupGiven[viewer.Id] = nationalGroup;
        return view with
        {
            NationalGroup = nationalGroup,
            Statements = [.. opinion.Statements.Where(s => SeesStatement(viewer, s)).Select(s => StatementView(opinion, s, viewer))],
            Me = place,
            Next = NextFor(opinion, viewer),
        };
    }

    private static StatementView StatementView(LiveOpinion live, Statement statement, bool staff)
    {
        var count = live.Count(statement);
        return new StatementView(statement.Id, statement.Text, statement.Status, count.Agree, count.Disagree, count.Pass, count.Onsite, count.Remote,
            Flagged: staff && statement.Flagged ? true : null);
    }

    /// <summary>A statement as one participant sees it: marked as theirs, with their vote.</summary>
    private StatementView StatementView(Opinion opinion, Statement statement, Participant viewer) =>
        StatementView(Live(opinion), statement, viewer.IsStaff) with
        {
            Mine = statement.AuthorId == viewer.Id,
            MyVote = opinion.Voters.TryGetValue(viewer.Id, out var voter) && voter.Votes.TryGetValue(statement.Id, out var vote) ? vote : null,
        };

    private static bool SeesOpinion(Participant viewer, Opinion opinion) => viewer.IsStaff || opinion.State != OpinionState.Draft;
}
