namespace ChargePoint.Firmware.Contracts.Simulation;

/// <summary>
/// The in-process path the simulation's CSMS stand-in uses to reach the station's smart-charging block while
/// the OCPP station adapter is not wired: the same validation and store a SetChargingProfileRequest reaches.
/// BCL types only, so the plug-in needs no firmware types.
/// </summary>
public interface ISimulatedCsmsLink
{
    /// <summary>The transaction running on <paramref name="evseId"/>, or null.</summary>
    string? ActiveTransactionId(int evseId);

    /// <summary>Installs a TxProfile in W with one period (limit, dischargeLimit ≤ 0, signed setpoint) for the
    /// running transaction. Returns null when accepted, otherwise the rejection reason.</summary>
    string? SetTxProfile(int evseId, string transactionId, double limitWatts, double dischargeLimitWatts, double? setpointWatts);
}
