using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace CafeIA.Integration.Tests.Fanout;

/// <summary>A logger that keeps what it was told.</summary>
internal sealed class RecordingLog : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, Exception? Exception)> _entries = new();

    public IReadOnlyList<(LogLevel Level, Exception? Exception)> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((logLevel, exception));
}
