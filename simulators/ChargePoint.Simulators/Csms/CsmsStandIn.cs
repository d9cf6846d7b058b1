using ChargePoint.Firmware.Contracts.Simulation;

namespace ChargePoint.Simulators.Csms;

/// <summary>
/// The simulation's CSMS behaviour: once the EV has charged for a while it asks for discharge with a TxProfile in
/// W (limit, negative dischargeLimit, negative setpoint: OCPP 2.1 V2X CentralSetpoint). Delivered in-process
/// through <see cref="ISimulatedCsmsLink"/> until the OCPP station adapter carries it over a WebSocket.
/// </summary>
public sealed class CsmsStandIn(ISimulatedCsmsLink link)
{
    public const double DischargeSetpointWatts = -15_000;
    public const double DischargeLimitWatts = -20_000;
    public const double ChargeLimitWatts = 50_000;

    /// <summary>Returns null when the station accepted the profile, otherwise why not.</summary>
    public string? RequestDischarge(int evseId)
    {
        var transaction = link.ActiveTransactionId(evseId);
        return transaction is null
            ? "no transaction is running"
            : link.SetTxProfile(evseId, transaction, ChargeLimitWatts, DischargeLimitWatts, DischargeSetpointWatts);
    }
}
