using ChargePoint.Firmware.Safety;
using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Firmware.Ocpp;

/// <summary>
/// A station fault as NotifyEvent (N07, HardWiredNotification): the emergency stop as EmergencyStopSensor.Tripped,
/// every other fault as the EVSE's Problem variable with the fault kind as techCode and its detail as techInfo.
/// </summary>
public static class FaultEvents
{
    /// <summary>NotifyEvent's techInfo is limited to 500 characters.</summary>
    private const int MaxTechInfo = 500;

    public static NotifyEventRequest Notification(int evseId, StationFault fault, int eventId, DateTimeOffset now, string? transactionId)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var (component, variable) = fault.Kind == StationFaultKind.EmergencyStop ? ("EmergencyStopSensor", "Tripped") : ("EVSE", "Problem");
        var detail = fault.Detail.Length > MaxTechInfo ? fault.Detail[..MaxTechInfo] : fault.Detail;
        return new NotifyEventRequest
        {
            GeneratedAt = now,
            SeqNo = 0,
            EventData =
            [
                new EventDataType
                {
                    EventId = eventId,
                    Timestamp = fault.DetectedAt,
                    Trigger = EventTriggerEnumType.Alerting,
                    ActualValue = "true",
                    TechCode = fault.Kind.ToString(),
                    TechInfo = detail,
                    TransactionId = transactionId,
                    EventNotificationType = EventNotificationEnumType.HardWiredNotification,
                    Component = new ComponentType { Name = component, Evse = new EVSEType { Id = evseId } },
                    Variable = new VariableType { Name = variable },
                },
            ],
        };
    }
}
