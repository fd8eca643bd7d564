using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace CafeIA.Bench;

/// <summary>
/// Makes another .NET process run a full, blocking garbage collection, from outside and without
/// any endpoint of its own, the way dotnet-gcdump does: an EventPipe session (through the runtime's
/// diagnostics client library) that enables the runtime provider's GCHeapCollect keyword makes the
/// runtime collect every generation; the session is stopped at once.
/// </summary>
public static class ForcedCollection
{
    private const long GcHeapCollectKeyword = 0x800000;

    public static async Task Run(int pid)
    {
        var client = new DiagnosticsClient(pid);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcHeapCollectKeyword)],
            requestRundown: false, circularBufferMB: 16, CancellationToken.None);
        // The trace follows on the session's stream: drain it until the runtime closes it.
        var drain = session.EventStream.CopyToAsync(Stream.Null);
        await session.StopAsync(CancellationToken.None);
        await drain.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
