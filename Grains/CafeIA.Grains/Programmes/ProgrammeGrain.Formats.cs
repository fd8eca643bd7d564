using CafeIA.Domain;
using CafeIA.Grains.Abstractions;
using CafeIA.Wire;

namespace CafeIA.Grains.Programmes;

/// <summary>A format pushed to every café, as a poll is: checked once here, then given to each café, which applies it if still in draft.</summary>
public sealed partial class ProgrammeGrain
{
    public async Task<Outcome<ProgrammeFormatPushed>> PushFormat(string? organiserKey, SessionFormat format, FormatOrigin? origin)
    {
        if (!store.State.Exists || organiserKey is null || !Secrets.Matches(organiserKey, store.State.OrganiserKeyHash))
        {
            return Outcome<ProgrammeFormatPushed>.Refuse(new Refusal(RefusalCodes.Forbidden, "Only the programme's organiser can push a format."));
        }
        var programmeId = this.GetPrimaryKey();
        var outcomes = await Task.WhenAll(store.State.Sessions.Select(s => grains.GetGrain<ISessionGrain>(s).ApplyProgrammeFormat(programmeId, format, origin)));
        if (outcomes.FirstOrDefault(o => o.Refusal?.Code is RefusalCodes.Invalid or RefusalCodes.UnsupportedVersion) is { Refusal: { } invalid })
        {
            return Outcome<ProgrammeFormatPushed>.Refuse(invalid);
        }
        return Outcome<ProgrammeFormatPushed>.Ok(new ProgrammeFormatPushed(store.State.Sessions.Count, outcomes.Count(o => !o.IsRefused)));
    }
}
