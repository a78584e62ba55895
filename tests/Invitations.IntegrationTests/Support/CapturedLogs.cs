using System.Collections;
using Microsoft.Extensions.Logging;

namespace Invitations.IntegrationTests.Support;

/// <summary>Every log entry and scope a host writes, as text: its message, exception, and each value of its state.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public Captured<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void Dispose()
    {
    }

    private static string Describe(object? state) => state switch
    {
        null => "",
        IEnumerable<KeyValuePair<string, object?>> pairs => $"{state} {{{string.Join(", ", pairs.Select(p => $"{p.Key}={Value(p.Value)}"))}}}",
        _ => state.ToString() ?? "",
    };

    private static string Value(object? value) => value switch
    {
        string text => text,
        IEnumerable items => string.Join(",", items.Cast<object?>()),
        _ => value?.ToString() ?? "",
    };

    private sealed class Logger(string category, Captured<string> lines) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Add($"{category} scope: {Describe(state)}");
            return NoScope.Instance;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Add($"{logLevel} {category}[{eventId}]: {formatter(state, exception)} {Describe(state)} {exception}");
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}
