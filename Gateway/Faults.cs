using System.Data.Common;
using Orleans.Runtime;

namespace CafeIA.Gateway;

/// <summary>
/// Which failures are the service's trouble rather than a bug: the store (a full disk, a
/// read-only file, an unreachable database) or the cluster (a silo that died, a call that timed
/// out), anywhere in the exception's chain. The hub and the HTTP API refuse them as
/// <c>unavailable</c>: nothing was recorded, and the call may be retried.
/// </summary>
public static class Faults
{
    /// <summary>
    /// Said when the gateway cannot tell whether the call was applied (a timeout, a silo that died
    /// mid-call): a retry with the same opId is applied once either way. A session that knows its
    /// write failed says "nothing was recorded" itself.
    /// </summary>
    public const string UnavailableSentence = "The service is unavailable right now (storage or cluster). Try again in a moment: a retry with the same opId is applied once.";

    public static bool IsUnavailable(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            // A malformed or oversized request body is the client's (400, 413), not the service's.
            if (e is BadHttpRequestException)
            {
                return false;
            }
            if (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or DbException or IOException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// HTTP calls: such a failure is a 503 with the protocol's error body and a hint to retry; so is a
    /// route's own "unavailable" refusal (<see cref="Api.HttpRefusal"/>), which gets the same hint here.
    /// </summary>
    public static IApplicationBuilder UseUnavailableAnswers(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable && !context.Response.Headers.ContainsKey("Retry-After"))
            {
                context.Response.Headers.RetryAfter = "2";
            }
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsUnavailable(ex) && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "2";
            await context.Response.WriteAsJsonAsync(new { error = Wire.RefusalCodes.Unavailable, message = UnavailableSentence });
        }
    });
}
