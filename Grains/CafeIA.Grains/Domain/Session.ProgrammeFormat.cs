using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>A format the café's national programme pushes: taken while the café is still being prepared, told to its screens.</summary>
public sealed partial class Session
{
    public Outcome<Done> ApplyProgrammeFormat(Guid programmeId, SessionFormat format, FormatOrigin? origin)
    {
        if (state.ProgrammeId != programmeId)
        {
            return Refuse<Done>(RefusalCodes.Forbidden, "This café is not one of this programme's.");
        }
        if (state.Phase != SessionPhase.Draft)
        {
            return Refuse<Done>(RefusalCodes.Closed, "This café has started: its agenda is its facilitator's now.");
        }
        var (polls, opinions) = (state.Polls.Count, state.Opinions.Count);
        var (moderation, filter, easyRead) = (state.PreModeration, state.ProfanityFilter, state.EasyRead);
        if (ImportFormat(format, origin) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        state.Polls.Skip(polls).ToList().ForEach(PublishPoll);
        state.Opinions.Skip(opinions).ToList().ForEach(PublishOpinion);
        Emit(new AgendaChanged(AgendaViews(staff: true)), Audience.Staff);
        Emit(new AgendaChanged(AgendaViews(staff: false)), Audience.Participants | Audience.Projector);
        Emit(new DetailsChanged(Details()));
        if (moderation != state.PreModeration)
        {
            Emit(new ModerationChanged(state.PreModeration));
        }
        if (filter != state.ProfanityFilter)
        {
            Emit(new ProfanityFilterChanged(state.ProfanityFilter));
        }
        if (easyRead != state.EasyRead)
        {
            Emit(new EasyReadChanged(state.EasyRead));
        }
        return Ok();
    }
}
