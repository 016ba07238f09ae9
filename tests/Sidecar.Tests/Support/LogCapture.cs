using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Accreditation.Sidecar.Tests.Support;

/// <summary>Keeps every log entry of one stand-in so tests can wait for a decision it logged (by event name).</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    /// <summary>How many entries were logged with the given event name (the SidecarLog method name).</summary>
    public int Count(string eventName) => _entries.Count(e => e.EventName == eventName);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(_entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLog(logLevel, eventId.Name, formatter(state, exception)));
    }
}
