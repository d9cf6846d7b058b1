namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// The transaction running on the EVSE, if any: Relative profiles are anchored at its start and TxProfiles
/// apply only when their transactionId matches. <see cref="PriorityChargingActive"/> follows UsePriorityCharging.
/// </summary>
public sealed record ActiveTransaction(string TransactionId, DateTimeOffset StartTime, bool PriorityChargingActive = false);
