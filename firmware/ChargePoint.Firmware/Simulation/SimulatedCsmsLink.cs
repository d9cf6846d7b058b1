using ChargePoint.Firmware.Contracts.Simulation;
using ChargePoint.Firmware.Energy;
using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Firmware.Simulation;

/// <summary>Delivers the simulated CSMS's TxProfile to the station's smart-charging block, through the same
/// validation and store a SetChargingProfileRequest reaches.</summary>
public sealed class SimulatedCsmsLink(ChargingSchedules schedules, TimeProvider time) : ISimulatedCsmsLink
{
    private int _nextProfileId = 1000;

    public string? ActiveTransactionId(int evseId) => schedules.Transaction(evseId)?.TransactionId;

    public string? SetTxProfile(int evseId, string transactionId, double limitWatts, double dischargeLimitWatts, double? setpointWatts)
    {
        var period = new ChargingSchedulePeriod(0)
        {
            Limit = limitWatts,
            DischargeLimit = dischargeLimitWatts,
            Setpoint = setpointWatts,
            OperationMode = setpointWatts is null ? OperationMode.ChargingOnly : OperationMode.CentralSetpoint,
        };
        var schedule = new ChargingSchedule(1, ChargingRateUnit.W, [period]) { StartSchedule = time.GetUtcNow().AddSeconds(-1) };
        var profile = new ChargingProfile(Interlocked.Increment(ref _nextProfileId), 0, ChargingProfilePurpose.TxProfile, ChargingProfileKind.Absolute, [schedule])
        {
            TransactionId = transactionId,
        };
        var verdict = schedules.SetChargingProfile(evseId, profile);
        return verdict == ChargingProfileVerdict.Accepted ? null : verdict.ToString();
    }
}
