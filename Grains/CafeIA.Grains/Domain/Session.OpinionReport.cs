using CafeIA.Wire;

namespace CafeIA.Domain;

public sealed partial class Session
{
    /// <summary>The opinion maps that were opened: approved statements and their votes, the last groups and consensus; null when none.</summary>
    private ReportOpinion[]? ReportOpinions()
    {
        var opinions = state.Opinions.Where(o => o.State != OpinionState.Draft).ToList();
        if (opinions.Count == 0)
        {
            return null;
        }
        return [.. opinions.Select(opinion =>
        {
            var live = Live(opinion);
            var voters = opinion.Voters.Values.Where(v => v.Votes.Count > 0).ToList();
            return new ReportOpinion(
                opinion.Id, opinion.Topic, opinion.State,
                voters.Count, voters.Count(v => v.Mode == ParticipantMode.Onsite), voters.Count(v => v.Mode == ParticipantMode.Remote),
                [.. opinion.Statements.Where(s => s.Status == StatementStatus.Approved).Select(s =>
                {
                    var count = live.Count(s);
                    return new ReportStatement(s.Id, s.Text, count.Agree, count.Disagree, count.Pass, count.Onsite, count.Remote, s.Seed);
                })],
                [.. opinion.LastMap?.Groups ?? []],
                [.. opinion.LastMap?.Consensus ?? []],
                opinion.LastMap?.At);
        })];
    }
}
