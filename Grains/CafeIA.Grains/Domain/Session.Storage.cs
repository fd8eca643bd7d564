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
            [.. _removedPolls]);
        _changedParticipants.Clear();
        _changedBallots.Clear();
        _removedPolls.Clear();
        return changes;
    }
}

/// <summary>Participants and ballots changed since the last commit, and polls deleted with their ballots.</summary>
public sealed record StoredChanges(
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<(string PollId, string VoterId, Ballot Ballot)> Ballots,
    IReadOnlyList<string> RemovedPolls);
