using CafeIA.Grains.Abstractions;
using QRCoder;

namespace CafeIA.Gateway.Api;

/// <summary>
/// The projector's QR code: an SVG of the session's participant link, drawn by QRCoder. The link
/// is absolute, on Gateway:PublicUrl when set (behind a proxy), else on the address the request used.
/// </summary>
public static class JoinQrCode
{
    public static IEndpointRouteBuilder MapJoinQrCode(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/sessions/{joinCode}/qr.svg", (string joinCode, string? mode, HttpRequest request, IConfiguration configuration) =>
        {
            if (JoinCode.Normalize(joinCode) is not { } code)
            {
                return HttpRefusal.Of(Wire.RefusalCodes.NotFound, "No session has this join code.", "joinCode");
            }
            var origin = configuration["Gateway:PublicUrl"]?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}";
            var link = $"{origin}/join/{code}" + (mode is "onsite" or "remote" ? $"?mode={mode}" : "");
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
            var svg = new SvgQRCode(data).GetGraphic(10, "#000000", "#ffffff", drawQuietZones: true);
            return Results.Text(svg, "image/svg+xml");
        });
        return endpoints;
    }
}
