namespace CafeIA.Gateway.Api;

/// <summary>
/// Page routes. Keys travel in the URL fragment (#key=…), which browsers never send to the
/// server, so they stay out of access logs and Referer headers.
/// </summary>
public static class Pages
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFallbackToFile("/join/{code}", "participant.html");
        endpoints.MapFallbackToFile("/facilitate/{code}", "facilitator.html");
        endpoints.MapFallbackToFile("/screen/{code}", "projector.html");
        endpoints.MapFallbackToFile("/moderate/{code}", "moderator.html");
        endpoints.MapFallbackToFile("/cafes", "cafes.html");
        endpoints.MapFallbackToFile("/report/{code}", "report.html");
        return endpoints;
    }
}
