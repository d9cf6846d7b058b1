using System.Security.Cryptography;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging;

namespace ChargePoint.V2g.Secc;

/// <summary>
/// Runs the SECC of one EVSE: takes connections from the TLS/TCP listener and runs one session at a time;
/// a second connection while a session is active is closed at once. The firmware pushes its inputs through
/// <see cref="Control"/> and receives feedback through the <see cref="ISeccFeedback"/> it supplied. Paused
/// sessions survive between connections for resume, and between hosts when the owner passes one store to each.
/// </summary>
public sealed partial class SeccSessionHost
{
    private readonly Func<CancellationToken, ValueTask<IV2gConnection>> _accept;
    private readonly SeccOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SeccEnvironment _environment;
    private readonly int _maxMessageLength;

    public SeccSessionHost(
        Func<CancellationToken, ValueTask<IV2gConnection>> accept,
        SeccOptions options,
        SeccControl control,
        ISeccFeedback feedback,
        TimeProvider time,
        ILogger<SeccSessionHost> logger,
        int maxMessageLength = V2gtpOptions.DefaultMaxPayloadLength,
        PausedSessionStore? pausedSessions = null)
    {
        ArgumentNullException.ThrowIfNull(accept);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(feedback);
        _accept = accept;
        _options = options;
        _time = time;
        _logger = logger;
        _maxMessageLength = maxMessageLength;
        _environment = new SeccEnvironment(control, feedback, pausedSessions ?? new PausedSessionStore(), NewSessionId);
        Control = control;
    }

    public SeccControl Control { get; }

    public PausedSessionStore PausedSessions => _environment.Paused;

    /// <summary>Result of the last finished session (diagnostics).</summary>
    public SeccSessionResult? LastResult { get; private set; }

    /// <summary>A host fed by <paramref name="listener"/>.</summary>
    public static SeccSessionHost ForListener(
        V2gListener listener, SeccOptions options, SeccControl control, ISeccFeedback feedback, TimeProvider time, ILogger<SeccSessionHost> logger)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return new SeccSessionHost(listener.AcceptAsync, options, control, feedback, time, logger);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Task active = Task.CompletedTask;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                IV2gConnection connection;
                try
                {
                    connection = await _accept(cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                if (!active.IsCompleted)
                {
                    LogBusy(connection.Id, connection.RemoteEndPoint?.ToString() ?? "?");
                    await connection.DisposeAsync();
                    continue;
                }

                active = RunSessionAsync(connection, cancellationToken);
            }
        }
        finally
        {
            await active;
        }
    }

    private async Task RunSessionAsync(IV2gConnection connection, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var session = new SeccSession(_options, _environment, _time, _logger, _maxMessageLength);
        try
        {
            LastResult = await session.RunAsync(connection, cancellationToken);
            LogSessionEnded(connection.Id, LastResult.Reason, LastResult.Requests, LastResult.LastState);
        }
#pragma warning disable CA1031 // A bug in one session must not stop the EVSE's host; it is logged and the outlet was made safe.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogSessionCrashed(connection.Id, e);
        }
    }

    private static byte[] NewSessionId()
    {
        var id = RandomNumberGenerator.GetBytes(8);
        if (id.AsSpan().IndexOfAnyExcept((byte)0) < 0)
        {
            id[7] = 1;
        }

        return id;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ConnectionId} from {Remote} refused: a session is already running on this EVSE")]
    private partial void LogBusy(string connectionId, string remote);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ConnectionId} session ended: {Reason} after {Requests} requests in {State}")]
    private partial void LogSessionEnded(string connectionId, SafeStateReason reason, int requests, string state);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ConnectionId} session crashed")]
    private partial void LogSessionCrashed(string connectionId, Exception exception);
}
