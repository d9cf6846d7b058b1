using ChargePoint.Firmware.Systemd;
using ChargePoint.Hal;

namespace ChargePoint.Firmware.Safety;

/// <summary>The station is healthy while no EVSE's safety supervisor holds a fault; only then is the systemd
/// (and hardware) watchdog fed, so a station stuck in a fault it cannot clear gets restarted.</summary>
public sealed class StationHealth : IStationHealth
{
    private readonly List<StationControl> _controls = [];
    private readonly Lock _gate = new();

    public void Watch(StationControl control)
    {
        lock (_gate)
        {
            _controls.Add(control);
        }
    }

    public bool IsHealthy
    {
        get
        {
            lock (_gate)
            {
                return _controls.TrueForAll(c => !c.Safety.IsFaulted);
            }
        }
    }
}
