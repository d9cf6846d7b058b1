using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Queue;
using ChargePoint.Ocpp.Rpc;
using ChargePoint.Ocpp.Storage;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Station;

/// <summary>
/// NotifyEvent (N07) for what the station detects itself (hard-wired notifications such as EmergencyStopSensor.Tripped
/// or a component's Problem), committed to the durable queue before anything is sent and delivered in queue order,
/// so a fault raised while the CSMS is unreachable reaches it after the outage.
/// Rule: the spec requires queuing when OCPPCommCtrlr.QueueAllMessages is true, and for monitor-triggered events
/// when their severity is at or below MonitoringCtrlr.OfflineQueuingSeverity. Hard-wired alerts are not monitor
/// events and carry no severity; the station treats them as the most severe kind (0, Danger) and always queues them.
/// eventId values are taken from a persisted counter inside the queue's transaction, so they stay unique across
/// restarts; a cause that names another event of the same request follows its new id.
/// </summary>
public sealed partial class EventNotifications
{
    private readonly DurableOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public EventNotifications(DurableOutbox outbox, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        _outbox = outbox;
        _time = time;
        _logger = logger;
    }

    /// <summary>Queues one NotifyEvent; generatedAt is now, seqNo 0 (one message, no tbc).</summary>
    public void Report(NotifyEventRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var generatedAt = _time.GetUtcNow();
        _outbox.Enqueue("NotifyEvent", OutboxKind.Event, (connection, transaction) =>
        {
            var fresh = request.EventData.Select(_ => SequenceCounters.Next(connection, transaction, "eventId")).ToList();
            var renamed = new Dictionary<int, int>();
            for (var i = 0; i < fresh.Count; i++)
            {
                renamed.TryAdd(request.EventData[i].EventId, fresh[i]);
            }

            return OcppFrameWriter.CheckedPayload(request with
            {
                GeneratedAt = generatedAt,
                SeqNo = 0,
                Tbc = null,
                EventData = [.. request.EventData.Select((e, i) => e with
                {
                    EventId = fresh[i],
                    Cause = e.Cause is { } cause && renamed.TryGetValue(cause, out var id) ? id : e.Cause,
                })],
            });
        });
        foreach (var data in request.EventData)
        {
            LogQueued(data.Component.Name, data.Variable.Name, data.ActualValue);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "NotifyEvent {Component}.{Variable} = {Value} queued for the CSMS")]
    private partial void LogQueued(string component, string variable, string value);
}
