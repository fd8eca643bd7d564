using System.Text.Json;
using CafeIA.Domain;

namespace CafeIA.Storage;

/// <summary>Turns a session's state into what <see cref="SessionStore"/> writes, and back.</summary>
public static class SessionDocument
{
    private static JsonSerializerOptions Options => JsonGrainStateSerializer.Options;

    /// <summary>The document and the changed rows, serialized now (the state goes on changing while the write runs).</summary>
    public static SessionWrite Write(SessionState state, StoredChanges changes) => new(
        JsonSerializer.Serialize(state, Options),
        [
            .. changes.Participants.Select(p => new SessionRow(SessionRow.Participant, p.Id, JsonSerializer.Serialize(p, Options))),
            .. changes.Ballots.Select(b => new SessionRow(SessionRow.Ballot, SessionRow.BallotKey(b.PollId, b.VoterId), JsonSerializer.Serialize(b.Ballot, Options))),
            .. (changes.OpinionVoters ?? []).Select(v => new SessionRow(SessionRow.OpinionVoter, SessionRow.OpinionVoterKey(v.OpinionId, v.VoterId), JsonSerializer.Serialize(v.Voter, Options))),
        ],
        changes.RemovedPolls,
        [.. (changes.RemovedBallots ?? []).Select(b => SessionRow.BallotKey(b.PollId, b.VoterId))]);

    public static SessionState Read(StoredSession stored)
    {
        var state = JsonSerializer.Deserialize<SessionState>(stored.Document, Options)
            ?? throw new JsonException("A stored session document is null.");
        var polls = state.Polls.ToDictionary(p => p.Id);
        var opinions = state.Opinions.ToDictionary(o => o.Id);
        foreach (var row in stored.Rows)
        {
            switch (row.Kind)
            {
                case SessionRow.Participant:
                    var participant = JsonSerializer.Deserialize<Participant>(row.Document, Options)!;
                    state.Participants[participant.Id] = participant;
                    break;
                case SessionRow.Ballot:
                    var slash = row.Key.IndexOf('/', StringComparison.Ordinal);
                    if (polls.TryGetValue(row.Key[..slash], out var poll))
                    {
                        poll.Ballots[row.Key[(slash + 1)..]] = JsonSerializer.Deserialize<Ballot>(row.Document, Options)!;
                    }
                    break;
                case SessionRow.OpinionVoter:
                    var at = row.Key.IndexOf('/', StringComparison.Ordinal);
                    if (opinions.TryGetValue(row.Key[..at], out var opinion))
                    {
                        opinion.Voters[row.Key[(at + 1)..]] = JsonSerializer.Deserialize<OpinionVoter>(row.Document, Options)!;
                    }
                    break;
            }
        }
        return state;
    }
}
