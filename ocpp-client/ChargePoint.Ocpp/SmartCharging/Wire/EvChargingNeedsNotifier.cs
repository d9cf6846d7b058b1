using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;

namespace ChargePoint.Ocpp.SmartCharging.Wire;

/// <summary>Sends NotifyEVChargingNeeds for the firmware's ISO 15118 session and reports what the CSMS decided.</summary>
public sealed class EvChargingNeedsNotifier(OcppRpcClient rpc, TimeProvider time)
{
    public async Task<ChargingNeedsResult> NotifyAsync(EvChargingNeeds needs, CancellationToken cancellationToken)
    {
        var request = EvChargingNeedsMapper.ToRequest(needs, time.GetUtcNow());
        var result = await rpc.CallAsync<NotifyEVChargingNeedsRequest, NotifyEVChargingNeedsResponse>(request, cancellationToken).ConfigureAwait(false);
        return ChargingNeedsResult.From(result);
    }
}
