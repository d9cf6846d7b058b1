namespace ChargePoint.Firmware.Contracts.V2g;

/// <summary>
/// What the HLC session asks of the EVSE during one ISO 15118-20 session (the SECC's feedback port). Units:
/// W, A, V; limits are magnitudes, present values and targets are signed (positive towards the EV,
/// [V2G20-1034]).
/// </summary>
public interface IHlcEvseBridge
{
    /// <summary>SessionSetup done: the negotiated protocol, service and control mode.</summary>
    void SessionStarted(HlcSessionInfo info);

    /// <summary>AuthorizationReq (EIM): whether the EVSE may deliver energy (local list, cache, CSMS or remote start).
    /// Called repeatedly while the answer is "ongoing" (null).</summary>
    ValueTask<bool?> AuthorizeAsync(CancellationToken cancellationToken);

    /// <summary>ChargeParameterDiscovery: the EV's limits; the answer is the EVSE's present limits.</summary>
    EvseTargets ChargeParameters(EvLimits limits);

    /// <summary>The EV's needs after the first ChargeParameterDiscovery: its ScheduleExchangeReq (departure time and
    /// energy requests added), new limits in a Dynamic charge loop, and the CPD/ScheduleExchange after a
    /// renegotiation or a new service selection. From now on they bound the energy decision.
    /// <paramref name="relayToCsms"/> is true when the CSMS must hear them with NotifyEVChargingNeeds: the first
    /// ScheduleExchangeReq (K18/K19, Q01), and after the EV renegotiated of its own accord or chose a service again
    /// (K17.FR.01); not after a renegotiation the station asked for (K16.FR.09).</summary>
    EvseTargets EvNeedsChanged(EvLimits limits, bool relayToCsms);

    /// <summary>DC_CableCheckReq: test the isolation of the DC output ([V2G20-1530]). True when it is valid.</summary>
    ValueTask<bool> CableCheckAsync(CancellationToken cancellationToken);

    /// <summary>DC_PreChargeReq: drive the open output towards <paramref name="targetVoltageVolts"/> with no
    /// current. Returns the present output voltage at once (the EV repeats the request until it matches).</summary>
    double PreCharge(double targetVoltageVolts);

    /// <summary>Scheduled control mode (ScheduleExchangeReq): the station's limits from <paramref name="start"/>
    /// for <paramref name="horizon"/>, derived from the composite schedule (OCPP K08) and the EVSE rating.</summary>
    HlcPowerSchedule ScheduleExchange(DateTimeOffset start, TimeSpan horizon);

    /// <summary>Scheduled control mode: the EV proposed how it will draw or return power (PowerDeliveryReq Start,
    /// also after a renegotiation). Reported to the CSMS; it does not change the station's limits.</summary>
    void EvPowerProfileProposed(HlcEvPowerProfile profile);

    /// <summary>The link failed (e.g. SLAC found no match): the pilot runs the E/F error routine ([V2G3-M06-05]:
    /// E or F for T_step_EF, then B with 5 % again). Completes when the pilot is back at 5 %.</summary>
    ValueTask RunLinkErrorRoutineAsync(CancellationToken cancellationToken);

    /// <summary>Whether the vehicle is still plugged in (pilot not in A). Read often; must be cheap.</summary>
    bool VehicleConnected { get; }

    /// <summary>PowerDeliveryReq Start (after cable check and pre-charge on DC): close the power path.
    /// Returns false when the EVSE cannot deliver (fault, lockout).</summary>
    ValueTask<bool> StartEnergyTransferAsync(CancellationToken cancellationToken);

    /// <summary>One charge loop (DC_ChargeLoop / AC_ChargeLoop): the EV's status in, the EVSE's limits, setpoint and
    /// present values out. Cheap and non-blocking: called every few hundred milliseconds.</summary>
    EvseTargets ChargeLoop(EvStatus status);

    /// <summary>PowerDeliveryReq Stop: power down and open the power path (then welding detection).</summary>
    ValueTask StopEnergyTransferAsync(CancellationToken cancellationToken);
}

/// <summary>Negotiated session parameters (for logs, diagnostics and OCPP ConnectedEV).</summary>
/// <param name="Protocol">e.g. <c>urn:iso:std:iso:15118:-20:DC</c>.</param>
/// <param name="EnergyService">e.g. <c>DC_BPT</c> or <c>AC_BPT</c>.</param>
/// <param name="ControlMode"><c>Dynamic</c> or <c>Scheduled</c>.</param>
/// <param name="EvccId">The EV's communication controller id (its MAC in -20).</param>
public sealed record HlcSessionInfo(string Protocol, string EnergyService, string ControlMode, string EvccId);

/// <summary>The EV's limits from ChargeParameterDiscovery (BPT: discharge maxima too) and, once it sent
/// ScheduleExchangeReq, its departure time and energy requests (Wh; V2X: the energy it may take and give, the latter
/// negative).</summary>
public sealed record EvLimits(
    double MaxChargePowerWatts,
    double MaxDischargePowerWatts,
    double MaxChargeCurrentAmperes,
    double MaxDischargeCurrentAmperes,
    double MinVoltageVolts,
    double MaxVoltageVolts)
{
    /// <summary>Seconds from the ScheduleExchangeReq until the EV leaves.</summary>
    public uint? DepartureSeconds { get; init; }

    public double? TargetEnergyRequestWattHours { get; init; }

    public double? MaximumEnergyRequestWattHours { get; init; }

    public double? MinimumEnergyRequestWattHours { get; init; }

    public double? MaximumV2xEnergyRequestWattHours { get; init; }

    public double? MinimumV2xEnergyRequestWattHours { get; init; }

    public int? TargetSocPercent { get; init; }
}

/// <summary>The EV's status in a charge loop.</summary>
/// <param name="PresentSocPercent">State of charge, when the EV reports it.</param>
/// <param name="TargetPowerWatts">The EV's own signed target (null in Scheduled mode or when it defers to the EVSE).</param>
/// <param name="PresentVoltageVolts">The EV's battery voltage.</param>
public sealed record EvStatus(double? PresentSocPercent, double? TargetPowerWatts, double PresentVoltageVolts);

/// <summary>The EVSE's answer in a charge loop.</summary>
/// <param name="ChargeLimitWatts">EVSE maximum charge power (magnitude).</param>
/// <param name="DischargeLimitWatts">EVSE maximum discharge power (magnitude).</param>
/// <param name="SetpointWatts">Signed target (negative: discharge).</param>
/// <param name="PresentVoltageVolts">EVSEPresentVoltage.</param>
/// <param name="PresentCurrentAmperes">EVSEPresentCurrent, signed.</param>
/// <param name="StopRequested">EVSENotification=Terminate: the EVSE wants the session to end.</param>
/// <param name="ScheduleRevision">Changes whenever the composite schedule changes (Scheduled mode: renegotiate).</param>
public sealed record EvseTargets(
    double ChargeLimitWatts,
    double DischargeLimitWatts,
    double SetpointWatts,
    double PresentVoltageVolts,
    double PresentCurrentAmperes,
    bool StopRequested,
    int ScheduleRevision = 0);

/// <summary>Scheduled mode: the station's charge and discharge power limits over time (W, magnitudes).</summary>
/// <param name="Start">When the first period starts.</param>
/// <param name="Periods">Consecutive periods; their durations add up to the schedule's length.</param>
public sealed record HlcPowerSchedule(DateTimeOffset Start, IReadOnlyList<HlcSchedulePeriod> Periods);

/// <summary>One period of an <see cref="HlcPowerSchedule"/>.</summary>
public readonly record struct HlcSchedulePeriod(TimeSpan Duration, double ChargeLimitWatts, double DischargeLimitWatts);
