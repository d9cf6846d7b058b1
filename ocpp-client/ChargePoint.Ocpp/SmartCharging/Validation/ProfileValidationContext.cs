using System.Collections.Immutable;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>The station as the validator sees it: settings and the EVSEs (ids 1..n).</summary>
public sealed record ProfileValidationContext(SmartChargingSettings Settings, ImmutableDictionary<int, EvseState> Evses)
{
    /// <summary>Whether the profile's target (one EVSE, or any EVSE for evseId 0) can discharge.</summary>
    public bool CanDischarge(int evseId) => evseId == 0
        ? Evses.Values.Any(e => e.Capabilities.CanDischarge)
        : Evses.TryGetValue(evseId, out var evse) && evse.Capabilities.CanDischarge;

    /// <summary>Whether the target supports the mode (for evseId 0: at least one EVSE does).</summary>
    public bool SupportsOperationMode(int evseId, OperationMode mode) => mode == OperationMode.ChargingOnly || (evseId == 0
        ? Evses.Values.Any(e => e.Capabilities.V2xEnabled && e.SupportedOperationModes.Contains(mode))
        : Evses.TryGetValue(evseId, out var evse) && evse.Capabilities.V2xEnabled && evse.SupportedOperationModes.Contains(mode));
}
