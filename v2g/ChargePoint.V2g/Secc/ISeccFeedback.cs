namespace ChargePoint.V2g.Secc;

/// <summary>
/// Typed feedback from the SECC to the firmware (the energy manager, contactor and power-module control,
/// OCPP). Calls are made on the session's task and must return quickly: queue work, never block.
/// </summary>
public interface ISeccFeedback
{
    void OnSessionStateChanged(SeccSessionState state);

    /// <summary>EIM: the firmware decides (RFID, CSMS) and answers through <see cref="SeccControl.Authorize"/>.</summary>
    void OnAuthorizationRequired(string evccId);

    void OnServiceSelected(EnergyTransferService service, ControlMode controlMode, ushort parameterSetId);

    /// <summary>Updated EV needs and limits (CPD, ScheduleExchange, every Dynamic ChargeLoopReq).</summary>
    void OnEvChargingNeeds(EvChargingNeeds needs);

    /// <summary>DC: start the isolation test; report through <see cref="SeccControl.ReportIsolation"/>.</summary>
    void OnCableCheckRequested();

    /// <summary>DC: drive the output to the EV's target voltage with limited current.</summary>
    void OnPreCharge(double targetVoltage);

    /// <summary>PowerDelivery Start (close contactors / start transfer), Stop, Standby.</summary>
    void OnPowerDelivery(PowerDeliveryCommand command);

    /// <summary>The EVPowerProfile a PowerDeliveryReq Start carried (the EV's intended power over time).</summary>
    void OnEvPowerProfile(EvPowerProfile profile);

    /// <summary>Every ChargeLoopReq: the EV's present values and (Scheduled DC) targets.</summary>
    void OnChargeLoop(EvLoopStatus status);

    /// <summary>Output off and contactors open. Called on every end of a session, normal or not.</summary>
    void OnSafeState(SafeStateReason reason);
}

public enum PowerDeliveryCommand
{
    Start,
    Stop,
    Standby,
    ScheduleRenegotiation,
}

/// <summary>One ChargeLoopReq's EV values. DC: voltage and (Scheduled) target current/voltage; AC: active power.</summary>
public sealed record EvLoopStatus(
    double? PresentVoltage,
    double? TargetCurrent,
    double? TargetVoltage,
    double? PresentActivePower,
    int? PresentSoc);
