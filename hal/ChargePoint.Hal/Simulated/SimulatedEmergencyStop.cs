using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Simulated;

public sealed class SimulatedEmergencyStop : IEmergencyStop
{
    private volatile bool _pressed;

    public bool IsPressed => _pressed;

    public void Press() => _pressed = true;

    public void Release() => _pressed = false;
}
