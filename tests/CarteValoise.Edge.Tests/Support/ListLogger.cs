using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Tests.Support;

/// <summary>Keeps what was logged, to assert that a problem was said (and said clearly).</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public event Action<LogLevel, string>? Logged;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        Entries.Enqueue((logLevel, message));
        Logged?.Invoke(logLevel, message);
    }
}
