using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Tests.Support;

/// <summary>Keeps what every logger it made logged, with the logger's category.</summary>
public sealed class ListLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(ListLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            factory.Entries.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
