using System.Globalization;
using System.Net.Http.Json;

namespace CafeIA.Bench;

/// <summary>
/// A server's memory at one moment: its working set (from /proc, read first), its managed heap
/// right after a full garbage collection forced from outside (<see cref="ForcedCollection"/>), so
/// that the heap counts what is alive, not garbage that no collection has reclaimed yet, and its
/// working set again after that collection (what the garbage and the collector's headroom held),
/// and the memory the collector kept committed after it (the heap, its free space, its bookkeeping).
/// </summary>
public sealed record ServerMemory(long WorkingSetBytes, long HeapBytes, long WorkingSetAfterCollectionBytes, long CommittedBytes)
{
    /// <summary>
    /// The gateway publishes its heap on /metrics (the runtime's System.Runtime meter, exported
    /// for Prometheus): `dotnet_gc_last_collection_heap_size_bytes`, one line per generation
    /// (gen0, gen1, gen2, LOH, POH), and `dotnet_gc_collections_total` per generation.
    /// </summary>
    public static Task<ServerMemory> OfGateway(ServerProcess server, HttpClient http) =>
        Measure(server, async () =>
        {
            var metrics = (await http.GetStringAsync(new Uri(server.Address, "/metrics"))).Split('\n');
            var heap = Sum(metrics, "dotnet_gc_last_collection_heap_size_bytes{");
            var fullCollections = Sum(metrics, "dotnet_gc_collections_total{", "gc_heap_generation=\"gen2\"");
            var committed = Sum(metrics, "dotnet_gc_last_collection_memory_committed_size_bytes{");
            return heap > 0 ? new HeapReading(heap, fullCollections, committed) : throw new InvalidOperationException("The gateway's /metrics has no dotnet_gc_last_collection_heap_size_bytes.");
        });

    /// <summary>The bare hub answers the same two figures on /heap.</summary>
    public static Task<ServerMemory> OfBare(ServerProcess server, HttpClient http) =>
        Measure(server, async () => (await http.GetFromJsonAsync<HeapReading>(new Uri(server.Address, "/heap")))!);

    private static async Task<ServerMemory> Measure(ServerProcess server, Func<Task<HeapReading>> read)
    {
        var workingSet = server.WorkingSet;
        var before = (await read()).FullCollections;
        await ForcedCollection.Run(server.Id);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var after = await read();
            if (after.FullCollections > before)
            {
                return new ServerMemory(workingSet, after.HeapSizeBytes, server.WorkingSet, after.CommittedBytes);
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The forced full collection did not happen within 10 s.");
            }
            await Task.Delay(100);
        }
    }

    private static long Sum(string[] metrics, string prefix, string? label = null) =>
        metrics.Where(line => line.StartsWith(prefix, StringComparison.Ordinal) && (label is null || line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}

/// <summary>
/// The managed heap as the last collection left it (fragmentation included), how many full
/// collections ran so far, and the memory the collector had committed after the last collection.
/// </summary>
public sealed record HeapReading(long HeapSizeBytes, long FullCollections, long CommittedBytes);
