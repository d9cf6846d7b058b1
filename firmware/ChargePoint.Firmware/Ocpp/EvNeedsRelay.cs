using System.Collections.Concurrent;
using ChargePoint.Firmware.Contracts.V2g;

namespace ChargePoint.Firmware.Ocpp;

/// <summary>
/// Which EV charging needs each EVSE last relayed (NotifyEVChargingNeeds): new needs of the same plug-in are sent
/// again only when they differ (OCPP 2.1 K17.FR.01 after the EV renegotiated, a resume, a new service), and
/// forgotten when the EV leaves.
/// </summary>
public sealed class EvNeedsRelay
{
    private readonly ConcurrentDictionary<int, (HlcSessionInfo Session, EvLimits Limits)> _last = new();

    /// <summary>True (and remembered) when these needs differ from the last ones relayed for the EVSE.</summary>
    public bool IsNew(int evseId, HlcSessionInfo session, EvLimits limits)
    {
        var next = (session, limits);
        var changed = !_last.TryGetValue(evseId, out var last) || last != next;
        _last[evseId] = next;
        return changed;
    }

    public void Forget(int evseId) => _last.TryRemove(evseId, out _);
}
