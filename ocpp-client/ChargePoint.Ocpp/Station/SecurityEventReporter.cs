using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Queue;
using ChargePoint.Ocpp.Rpc;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Station;

/// <summary>
/// SecurityEventNotification (A04) for what the client itself detects, committed to the durable queue so each reaches
/// the CSMS once it is reachable again: StartupOfTheDevice, ReconfigurationOfSecurityParameters (a SecurityCtrlr
/// variable changed), FailedToAuthenticateAtCsms (HTTP 401 at the handshake) and InvalidCsmsCertificate (TLS
/// validation failed). A connection failure is reported once until the next successful connection, not per retry.
/// </summary>
public sealed partial class SecurityEventReporter
{
    public const string StartupOfTheDevice = "StartupOfTheDevice";
    public const string ReconfigurationOfSecurityParameters = "ReconfigurationOfSecurityParameters";
    public const string FailedToAuthenticateAtCsms = "FailedToAuthenticateAtCsms";
    public const string InvalidCsmsCertificate = "InvalidCsmsCertificate";

    private readonly DurableOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HashSet<string> _reportedSinceConnect = [];
    private readonly Lock _gate = new();

    public SecurityEventReporter(DurableOutbox outbox, OcppRpcClient rpc, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        _outbox = outbox;
        _time = time;
        _logger = logger;
        rpc.SecurityFailure += (type, techInfo) =>
        {
            lock (_gate)
            {
                if (!_reportedSinceConnect.Add(type))
                {
                    return;
                }
            }

            Report(type, techInfo);
        };
        rpc.Connected += _ =>
        {
            lock (_gate)
            {
                _reportedSinceConnect.Clear();
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Queues one notification; <paramref name="techInfo"/> must not contain secrets.</summary>
    public void Report(string type, string? techInfo = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        var payload = OcppFrameWriter.CheckedPayload(new SecurityEventNotificationRequest
        {
            Type = type,
            Timestamp = _time.GetUtcNow(),
            TechInfo = techInfo is { Length: > 255 } ? techInfo[..255] : techInfo,
        });
        _outbox.Enqueue("SecurityEventNotification", payload, OutboxKind.Security);
        LogReported(type);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Security event {Type} queued for the CSMS")]
    private partial void LogReported(string type);
}
