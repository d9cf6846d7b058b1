using ChargePoint.Firmware.Energy;

namespace ChargePoint.Firmware.Evse;

/// <summary>Fixed facts of one EVSE the manager needs.</summary>
/// <param name="EvseId">OCPP EVSE id (1-based).</param>
/// <param name="Rating">EVSE rating (EVSE.Power / EVSE.DischargePower and currents).</param>
/// <param name="CableAmperes">Cable ampacity.</param>
/// <param name="ContactorCloseTimeout">How long the power path may take to close after PowerDelivery Start.</param>
/// <param name="WeldCheckDelay">How long to watch the contactor feedback after opening before the session is
/// declared ended (must exceed the supervisor's feedback timeout so a weld is seen first).</param>
public sealed record EvseSettings(
    int EvseId,
    PowerBounds Rating,
    double? CableAmperes,
    TimeSpan ContactorCloseTimeout,
    TimeSpan WeldCheckDelay);
