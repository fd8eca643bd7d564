using CafeIA.Gateway.Api;
using CafeIA.Wire;
using Microsoft.AspNetCore.Http;

namespace CafeIA.Integration.Tests.Gateway;

/// <summary>The one mapping from refusal codes to HTTP statuses that every route uses (docs/PROTOCOL.md, "Refusals").</summary>
public sealed class HttpRefusalTests
{
    [Theory]
    [InlineData(RefusalCodes.Forbidden, StatusCodes.Status403Forbidden)]
    [InlineData(RefusalCodes.NotFound, StatusCodes.Status404NotFound)]
    [InlineData(RefusalCodes.Full, StatusCodes.Status409Conflict)]
    [InlineData(RefusalCodes.Closed, StatusCodes.Status409Conflict)]
    [InlineData(RefusalCodes.RateLimited, StatusCodes.Status429TooManyRequests)]
    [InlineData(RefusalCodes.Unavailable, StatusCodes.Status503ServiceUnavailable)]
    [InlineData(RefusalCodes.Invalid, StatusCodes.Status400BadRequest)]
    [InlineData(RefusalCodes.UnsupportedVersion, StatusCodes.Status400BadRequest)]
    public void A_code_has_one_status(string code, int status) => Assert.Equal(status, HttpRefusal.StatusOf(code));

    [Fact]
    public void The_body_carries_the_code_message_and_field()
    {
        var result = HttpRefusal.Of(new Refusal(RefusalCodes.Invalid, "format: too long.", "format"));
        Assert.Equal(StatusCodes.Status400BadRequest, result.StatusCode);
        Assert.Equal(new ApiError(RefusalCodes.Invalid, "format: too long.", "format"), result.Value);
    }
}
