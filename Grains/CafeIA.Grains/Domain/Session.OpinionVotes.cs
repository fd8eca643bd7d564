using CafeIA.Domain.Opinions.Map;
using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// Votes on statements: one per participant and statement, changeable while the opinion is open,
/// counted in the voter's mode. A vote is acknowledged like a ballot (its voter's row is written by
/// the group commit that holds it); counts go out once per batch; the map follows off this path.
/// </summary>
public sealed partial class Session
{
    private readonly HashSet<Opinion> _countsDue = [];

    public Outcome<StatementVoted> VoteStatement(string participantId, VoteStatementRequest request)
    {
        var (voter, refusal) = Contributor(participantId);
        if (voter is null)
        {
            return Outcome<StatementVoted>.Refuse(refusal!);
        }
        if (voter.Role != Role.Participant)
        {
            return Refuse<StatementVoted>(RefusalCodes.Forbidden, "The staff run the opinion map: only participants vote on its statements.");
        }
        if (FindOpinion(request.OpinionId) is not { } opinion || opinion.State == OpinionState.Draft)
        {
            return Refuse<StatementVoted>(RefusalCodes.NotFound, "There is no such opinion map.");
        }
        if (opinion.State != OpinionState.Open)
        {
            return Refuse<StatementVoted>(RefusalCodes.Closed, "This opinion map is closed.");
        }
        if (opinion.Statements.Find(s => s.Id == request.StatementId) is not { Status: StatementStatus.Approved } statement)
        {
            // A pending or hidden statement is one this voter does not see.
            return Refuse<StatementVoted>(RefusalCodes.NotFound, "There is no such statement to vote on.");
        }
        if (request.Vote is not { } vote || !Enum.IsDefined(vote))
        {
            return Refuse<StatementVoted>(RefusalCodes.Invalid, "A vote is agree, disagree or pass.");
        }
        if (!opinion.Voters.TryGetValue(voter.Id, out var record))
        {
            opinion.Voters[voter.Id] = record = new OpinionVoter { Mode = voter.Mode };
        }
        StatementVote? previous = record.Votes.TryGetValue(statement.Id, out var cast) ? cast : null;
        if (previous != vote)
        {
            var first = record.Votes.Count == 0;
            record.Votes[statement.Id] = vote;
            Live(opinion).Voted(voter.Id, statement, record.Mode, previous, vote, first);
            _countsDue.Add(opinion);
            OpinionVoterChanged(opinion, voter.Id);
        }
        return Outcome<StatementVoted>.Ok(new StatementVoted(NextFor(opinion, voter)));
    }

    /// <summary>Counts of the statements voted on since the last take, one event per opinion, to the staff and the projector (from TakeChanges).</summary>
    private void EmitStatementCounts()
    {
        foreach (var opinion in _countsDue)
        {
            var live = Live(opinion);
            var counts = opinion.Statements.Where(s => live.CountsDue.Contains(s.Id)).Select(live.Count).ToArray();
            live.CountsDue.Clear();
            if (counts.Length > 0 && state.Opinions.Contains(opinion))
            {
                // The staff and the projector draw the counts; phones show one statement at a time, never
                // counts, and 1,000 phones receiving every batch's counts cost more than the votes.
                Emit(new StatementCountsChanged(opinion.Id, counts), Audience.Staff | Audience.Projector);
            }
        }
        _countsDue.Clear();
    }

    /// <summary>
    /// The statement to show this participant next (approved, not yet voted by them), chosen by the
    /// map's rule (NextStatement); remembered, so that a newly approved statement reaches those who had none.
    /// </summary>
    private string? NextFor(Opinion opinion, Participant participant)
    {
        string? next = null;
        if (opinion.State == OpinionState.Open && participant.Role == Role.Participant)
        {
            var voted = opinion.Voters.GetValueOrDefault(participant.Id)?.Votes;
            var eligible = opinion.Statements
                .Where(s => s.Status == StatementStatus.Approved && voted?.ContainsKey(s.Id) != true)
                .Select(s => s.Id)
                .ToList();
            next = eligible.Count == 0 ? null : NextStatement.Choose(Live(opinion).Matrix, participant.Id, Live(opinion).ForNext, eligible, Seed(participant.Id, voted?.Count ?? 0));
        }
        Live(opinion).NextGiven[participant.Id] = next;
        return next;
    }

    /// <summary>
    /// Sends connected participants their next statement where it changed: when an opinion opens (all
    /// of them), a statement is approved (those who had none left), or a statement they were given is hidden.
    /// </summary>
    private void OfferNext(Opinion opinion, bool onlyToWaiting, string? given = null)
    {
        var live = Live(opinion);
        foreach (var participant in state.Participants.Values)
        {
            if (participant is not { Role: Role.Participant, Revoked: false, Connections: > 0 })
            {
                continue;
            }
            var known = live.NextGiven.TryGetValue(participant.Id, out var before);
            if ((onlyToWaiting && known && before is not null) || (given is not null && before != given))
            {
                continue;
            }
            var next = NextFor(opinion, participant);
            if (!known || next != before)
            {
                var place = PositionOf(live, participant.Id);
                live.PlaceGiven[participant.Id] = place;
                EmitTo(participant, new OpinionMeChanged(opinion.Id, place, next, NationalGroupOf(live, participant.Id)));
            }
        }
    }

    /// <summary>A stable seed per participant and progress (string hashes change between processes).</summary>
    private static int Seed(string participantId, int votes)
    {
        var hash = 2166136261u;
        foreach (var c in participantId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash ^ (uint)votes);
    }

    private static MapPosition? PositionOf(LiveOpinion live, string participantId) =>
        live.Points.TryGetValue(participantId, out var point) ? new MapPosition(point.X, point.Y, point.Group) : null;
}
