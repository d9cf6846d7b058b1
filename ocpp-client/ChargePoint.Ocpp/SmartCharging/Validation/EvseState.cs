using System.Collections.Immutable;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>What the validator needs to know about one EVSE right now.</summary>
public sealed record EvseState(EvseCapabilities Capabilities)
{
    /// <summary>V2XChargingCtrlr.SupportedOperationModes for this EVSE (ChargingOnly is always allowed).</summary>
    public ImmutableHashSet<OperationMode> SupportedOperationModes { get; init; } = [OperationMode.ChargingOnly];

    /// <summary>SmartChargingCtrlr.ACPhaseSwitchingSupported for this EVSE.</summary>
    public bool AcPhaseSwitchingSupported { get; init; }

    public ActiveTransaction? Transaction { get; init; }
}
