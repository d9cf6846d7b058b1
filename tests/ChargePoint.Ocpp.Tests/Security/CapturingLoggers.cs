using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Tests.Security;

/// <summary>Keeps every log entry as a structured sink would see it: message, every argument, exception.</summary>
public sealed class CapturingLoggers : ILoggerFactory, ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggers owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var arguments = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            owner.Entries.Enqueue($"{logLevel} {formatter(state, exception)} | {arguments} | {exception}");
        }
    }
}
