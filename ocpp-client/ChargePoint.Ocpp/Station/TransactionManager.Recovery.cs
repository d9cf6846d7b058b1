using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Storage;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Station;

/// <summary>
/// Transactions interrupted by a crash or power loss (E17). With TxCtrlr.TxResumptionTimeout = 0 (the default) or
/// an outage longer than it, each is ended at start-up: TransactionEvent Ended, triggerReason AbnormalCondition,
/// stoppedReason PowerLoss, timestamped at the last sign of life and carrying the last persisted meter registers.
/// Within the timeout the transaction is resumed: TransactionEvent Updated with triggerReason TxResumed, and the
/// firmware reports the EV's actual state next (an unplugged EV then ends it with EVDisconnected).
/// </summary>
public sealed partial class TransactionManager
{
    private List<RecoveredTransaction> Recover(IReadOnlyList<OpenTransaction> interrupted)
    {
        var recovered = new List<RecoveredTransaction>();
        if (interrupted.Count == 0)
        {
            return recovered;
        }

        var resumeWithin = TimeSpan.FromSeconds(_deviceModel.GetInt("TxCtrlr", "TxResumptionTimeout"));
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            foreach (var open in interrupted)
            {
                var s = Session(open.EvseId);
                s.TransactionId = open.TransactionId;
                s.ConnectorId = open.ConnectorId;
                s.IdToken = open.IdToken;
                s.OperationMode = open.OperationMode;
                s.RemoteStartId = open.RemoteStartId;
                s.LastReading = open.LastReading;
                s.PersistedAt = open.AliveAt;
                var outage = now - open.AliveAt;
                var resume = resumeWithin > TimeSpan.Zero && outage <= resumeWithin;
                if (resume)
                {
                    s.EvConnected = true;
                    s.ChargingState = ChargingStateEnumType.EVConnected;
                    Enqueue(s, TransactionEventEnumType.Updated, TriggerReasonEnumType.TxResumed, null, "TxUpdatedMeasurands", ReadingContextEnumType.Sample_Periodic);
                    StartPeriodic(s);
                }
                else
                {
                    s.ChargingState = ChargingStateEnumType.Idle;
                    End(s, TriggerReasonEnumType.AbnormalCondition, ReasonEnumType.PowerLoss, open.AliveAt);
                }

                LogRecovered(open.TransactionId, open.EvseId, outage, resume);
                recovered.Add(new RecoveredTransaction(open.EvseId, open.TransactionId, resume, outage));
            }
        }

        return recovered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transaction {TransactionId} on EVSE {EvseId} was interrupted ({Outage} without sign of life); resumed: {Resumed}")]
    private partial void LogRecovered(string transactionId, int evseId, TimeSpan outage, bool resumed);
}

/// <summary>A transaction found open at start-up: resumed (E17) or ended with stoppedReason PowerLoss.</summary>
public sealed record RecoveredTransaction(int EvseId, string TransactionId, bool Resumed, TimeSpan Outage);
