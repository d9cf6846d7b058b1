using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Ocpp.SmartCharging.Wire;

/// <summary>
/// The TxProfile a RequestStartTransactionRequest may carry (F01.FR.08-11, K05): validated exactly like a
/// SetChargingProfile for the transaction the remote start will create, and installed once that transaction has an id.
/// </summary>
public sealed partial class SmartChargingHandlers
{
    /// <summary>Stands in for the id of a transaction that does not exist yet while its profile is validated.</summary>
    private const string PendingTransactionId = "pending-remote-start";

    /// <summary>
    /// Checks a remote start's TxProfile against the K01 rules for EVSE <paramref name="evseId"/>, as if it were set
    /// for <paramref name="runningTransactionId"/> (a transaction already running, F02) or for the transaction about
    /// to start. Changes nothing; the caller has already checked purpose and the absent transactionId (F01.FR.09/11).
    /// </summary>
    public ChargingProfileVerdict CheckTransactionProfile(int evseId, ChargingProfileType profile, string? runningTransactionId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var context = _station.Current();
        PruneEndedTransactions(context);
        var transactionId = runningTransactionId ?? PendingTransactionId;
        if (runningTransactionId is null && context.Evses.TryGetValue(evseId, out var evse))
        {
            context = context with { Evses = context.Evses.SetItem(evseId, evse with { Transaction = new ActiveTransaction(transactionId, _time.GetUtcNow()) }) };
        }

        var domain = ChargingProfileWireMapper.ToDomain(profile) with { TransactionId = transactionId };
        return ChargingProfileValidator.Validate(evseId, domain, context, _store.Profiles);
    }

    /// <summary>Installs a remote start's TxProfile bound to the transaction it created (validated again: the
    /// station may have changed since the request was accepted).</summary>
    public ChargingProfileVerdict InstallTransactionProfile(int evseId, ChargingProfileType profile, string transactionId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrEmpty(transactionId);
        var domain = ChargingProfileWireMapper.ToDomain(profile) with { TransactionId = transactionId };
        var verdict = _store.SetChargingProfile(evseId, domain, _station.Current());
        if (verdict == ChargingProfileVerdict.Accepted)
        {
            ProfilesChanged?.Invoke();
        }
        else
        {
            LogProfileRejected(domain.Id, evseId, verdict);
        }

        return verdict;
    }
}
