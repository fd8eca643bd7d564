using CafeIA.Grains.Abstractions;
using CafeIA.Wire;

namespace CafeIA.Grains.Sessions;

/// <summary>A café's side of a programme opinion: the pushed opinion, the national pool, the national map, and its own statements offered to the pool.</summary>
public sealed partial class SessionGrain
{
    public Task<Outcome<ProgrammeOpinionAdded>> AddProgrammeOpinion(Guid programmeId, string programmeOpinionId, string topic, NationalStatement[] statements) =>
        Apply(null, s => s.AddProgrammeOpinion(programmeId, programmeOpinionId, topic, statements));

    public Task<Outcome<Done>> SetNationalStatements(Guid programmeId, string programmeOpinionId, NationalStatement[] statements) =>
        Apply(null, s => s.SetNationalStatements(programmeId, programmeOpinionId, statements));

    public Task<Outcome<Done>> PublishNationalMap(string opinionId, NationalMapResult map) =>
        Apply(null, s => s.PublishNationalMap(opinionId, map));

    /// <summary>After a commit: the statements it approved in programme opinions, offered to their pools (one-way; the programme decides).</summary>
    private void OfferToPools()
    {
        foreach (var (programmeId, programmeOpinionId, statementId, text) in _session.TakePoolOffers())
        {
            _ = grains.GetGrain<IProgrammeOpinionGrain>(ProgrammeOpinionKey.Of(programmeId, programmeOpinionId)).Offer(this.GetPrimaryKey(), statementId, text);
        }
    }
}
