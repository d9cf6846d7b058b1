using ChargePoint.V2g.Exi.Iso20;

namespace ChargePoint.V2g.Secc;

/// <summary>EVSEStatus carrying the firmware's pending notification (Pause, Terminate, ScheduleRenegotiation).</summary>
public static class EvseStatusBuilder
{
    public static EVSEStatusType? For(ISessionView session, EvseSnapshot evse)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(evse);
        if (evse.Notification == EvseNotificationRequest.None)
        {
            return null;
        }

        return new EVSEStatusType
        {
            EVSENotification = evse.Notification switch
            {
                EvseNotificationRequest.Pause => evseNotificationType.Pause,
                EvseNotificationRequest.ScheduleRenegotiation => evseNotificationType.ScheduleRenegotiation,
                _ => evseNotificationType.Terminate,
            },

            // [V2G20-1850]: in Dynamic mode the EV has NotificationMaxDelay to react; Scheduled sends 0.
            NotificationMaxDelay = session.ControlMode == ControlMode.Dynamic ? session.Options.DynamicNotificationMaxDelay : (ushort)0,
        };
    }
}
