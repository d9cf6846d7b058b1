namespace ChargePoint.V2g.Secc;

/// <summary>What the firmware asks the EV to do; sent as EVSENotification in the next PowerDeliveryRes or
/// ChargeLoopRes.</summary>
public enum EvseNotificationRequest
{
    None,
    Pause,
    Terminate,
    ScheduleRenegotiation,
}
