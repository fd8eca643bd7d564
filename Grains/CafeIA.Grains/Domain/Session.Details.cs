using System.Text.RegularExpressions;
using CafeIA.Wire;

namespace CafeIA.Domain;

/// <summary>What the facilitator says of the café for those who will replicate it: its format's description, audience and licence.</summary>
public sealed partial class Session
{
    public const int MaxDescriptionLength = 2000;
    public const int MaxAudienceLength = 120;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.+-]{0,63}$")]
    private static partial Regex LicencePattern();

    /// <summary>A licence is an SPDX identifier such as CC-BY-SA-4.0, CC-BY-4.0 or CC0-1.0.</summary>
    public static bool IsLicence(string? licence) => licence is not null && LicencePattern().IsMatch(licence);

    public Outcome<Done> SetDetails(string participantId, SessionDetailsRequest request)
    {
        if (PollManager(participantId) is { } refusal)
        {
            return Outcome<Done>.Refuse(refusal);
        }
        var description = Text.Optional(request.Description, MaxDescriptionLength, out var validDescription);
        if (!validDescription)
        {
            return Refuse<Done>(RefusalCodes.Invalid, $"description: at most {MaxDescriptionLength} characters.", "description");
        }
        var audience = Text.Optional(request.Audience, MaxAudienceLength, out var validAudience);
        if (!validAudience)
        {
            return Refuse<Done>(RefusalCodes.Invalid, $"audience: at most {MaxAudienceLength} characters.", "audience");
        }
        var licence = string.IsNullOrWhiteSpace(request.Licence) ? null : request.Licence.Trim();
        if (licence is not null && !IsLicence(licence))
        {
            return Refuse<Done>(RefusalCodes.Invalid, "licence: an SPDX licence identifier, such as CC-BY-SA-4.0.", "licence");
        }
        if (licence == SessionFormat.DefaultLicence)
        {
            licence = null;
        }
        if ((description, audience, licence) != (state.Description, state.Audience, state.Licence))
        {
            (state.Description, state.Audience, state.Licence) = (description, audience, licence);
            Emit(new DetailsChanged(Details()));
        }
        return Ok();
    }

    private SessionDetails Details() => new(state.Description, state.Audience, state.Licence ?? SessionFormat.DefaultLicence);

    private static Outcome<T> Refuse<T>(string code, string message, string field) => Outcome<T>.Refuse(new Refusal(code, message, field));
}
