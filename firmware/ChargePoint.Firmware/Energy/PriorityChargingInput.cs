using ChargePoint.Firmware.Diagnostics;
using ChargePoint.Firmware.Ocpp;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Firmware.Energy;

/// <summary>
/// K22, priority charging requested locally (a button or the station's display, reached through the diagnostics
/// socket: <c>cpdiag priority on|off</c>): the running transaction's composite switches to the PriorityCharging
/// profile (or back) at once, and the CSMS is told with NotifyPriorityCharging. Like UsePriorityCharging (K21) it
/// needs a PriorityCharging profile for the EVSE or the station.
/// </summary>
public sealed partial class PriorityChargingInput(ChargingSchedules schedules, OcppHostedService ocpp, ILogger<PriorityChargingInput> logger)
{
    public async Task<ControlResult> SetAsync(int evseId, bool active, CancellationToken cancellationToken)
    {
        if (!ocpp.TryRuntime(out var runtime))
        {
            return ControlResult.NotReady;
        }

        if (schedules.Transaction(evseId) is not { } transaction)
        {
            return new ControlResult(false, "TxNotFound", $"no transaction runs on EVSE {evseId}");
        }

        if (active && !schedules.HasPriorityProfile(evseId))
        {
            return new ControlResult(false, "NoProfile", $"no PriorityCharging profile is installed for EVSE {evseId} or the station");
        }

        schedules.SetPriorityCharging(evseId, transaction.TransactionId, active);
        LogSwitched(logger, evseId, transaction.TransactionId, active);
        if (runtime is not null)
        {
            var notified = await runtime.V2x.NotifyPriorityChargingAsync(transaction.TransactionId, active, cancellationToken).ConfigureAwait(false);
            if (!notified.IsSuccess)
            {
                LogNotNotified(logger, transaction.TransactionId, notified.ToString());
            }
        }

        return ControlResult.Ok;
    }

    [LoggerMessage(EventId = LogAreas.Evse + 33, Level = LogLevel.Information, Message = "EVSE {EvseId}: priority charging of transaction {TransactionId} switched locally: {Active}")]
    private static partial void LogSwitched(ILogger logger, int evseId, string transactionId, bool active);

    [LoggerMessage(EventId = LogAreas.Evse + 34, Level = LogLevel.Warning, Message = "NotifyPriorityCharging for transaction {TransactionId} not delivered: {Result}")]
    private static partial void LogNotNotified(ILogger logger, string transactionId, string result);
}
