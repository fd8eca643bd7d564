using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>
/// What changed since the last commit, for a store that writes participants and ballots as rows of
/// their own (the rest of the state is one small document written every commit). Every change to
/// a participant or a ballot goes through <see cref="ParticipantChanged"/> or <see cref="BallotChanged"/>.
/// </summary>
public sealed partial class Session
{
    private readonly HashSet<Participant> _changedParticipants = [];
    private readonly HashSet<(Poll Poll, string VoterId)> _changedBallots = [];
    private readonly HashSet<string> _removedPolls = [];
    private readonly HashSet<(string PollId, string VoterId)> _removedBallots = [];
    private readonly HashSet<(Opinion Opinion, string VoterId)> _changedOpinionVoters = [];

    /// <summary>A participant's stored fields changed (public: the operation log records into it too).</summary>
    public void ParticipantChanged(Participant participant)
    {
        _changedParticipants.Add(participant);
        MarkDirty();
    }

    private void BallotChanged(Poll poll, string voterId)
    {
        _changedBallots.Add((poll, voterId));
        MarkDirty();
    }

    /// <summary>A single ballot left its poll (a kiosk turn undone): its row goes with the next commit.</summary>
    private void BallotRemoved(Poll poll, string voterId)
    {
        _changedBallots.Remove((poll, voterId));
        _removedBallots.Add((poll.Id, voterId));
        MarkDirty();
    }

    /// <summary>A participant's votes on an opinion changed: their row goes with the next commit.</summary>
    private void OpinionVoterChanged(Opinion opinion, string voterId)
    {
        _changedOpinionVoters.Add((opinion, voterId));
        MarkDirty();
    }

    private void PollRemoved(Poll poll)
    {
        _removedPolls.Add(poll.Id);
        _changedBallots.RemoveWhere(b => b.Poll == poll);
    }

    /// <summary>The rows to write with the next commit; clears them.</summary>
    public StoredChanges TakeStoredChanges()
    {
        var changes = new StoredChanges(
            [.. _changedParticipants],
            [.. _changedBallots.Where(b => b.Poll.Ballots.ContainsKey(b.VoterId)).Select(b => (b.Poll.Id, b.VoterId, b.Poll.Ballots[b.VoterId]))],
            [.. _removedPolls],
            [.. _removedBallots.Where(b => !_removedPolls.Contains(b.PollId))],
            [.. _changedOpinionVoters.Select(v => (v.Opinion.Id, v.VoterId, v.Opinion.Voters[v.VoterId]))]);
        _changedOpinionVoters.Clear();
        _changedParticipants.Clear();
        _removedBallots.Clear();
        _changedBallots.Clear();
        _removedPolls.Clear();
        return changes;
    }
}

/// <summary>What one group write holds: the batch to publish (null when only silent bookkeeping changed) and the rows to write.</summary>
public sealed record PendingCommit(SessionChanges? Batch, StoredChanges Rows);

/// <summary>
/// Participants and ballots changed since the last commit, polls deleted with their ballots, single
/// ballots deleted, voters whose votes on an opinion changed.
/// </summary>
public sealed record StoredChanges(
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<(string PollId, string VoterId, Ballot Ballot)> Ballots,
    IReadOnlyList<string> RemovedPolls,
    IReadOnlyList<(string PollId, string VoterId)>? RemovedBallots = null,
    IReadOnlyList<(string OpinionId, string VoterId, OpinionVoter Voter)>? OpinionVoters = null);
