using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AuthingClient.TestSupport;

/// <summary>
/// Every line an app logs, at every level and in every category, with its exception: what a leak
/// test searches for secrets and tokens, and what a test reads to see that an event was logged.
/// </summary>
public sealed class CapturedLogLines : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string? EventName, string Text)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string? EventName, string Text)> Lines => [.. _lines];

    /// <summary>Whether any line, its exception included, contains <paramref name="text"/>.</summary>
    public bool Contains(string text) => _lines.Any(line => line.Text.Contains(text, StringComparison.Ordinal));

    public override string ToString() => string.Join(Environment.NewLine, _lines.Select(line => $"{line.Level} {line.EventName}: {line.Text}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogLines log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log._lines.Enqueue((logLevel, eventId.Name, $"{formatter(state, exception)} {exception}"));
    }
}
