using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Simulated;

/// <summary>Reads the PP coding resistor of the cable the simulated vehicle plugged in.</summary>
public sealed class SimulatedProximityPilot(SimulatedEv ev) : IProximityPilot
{
    public double ReadResistanceOhms() => ev.IsPluggedIn ? ev.CableCodingOhms : double.PositiveInfinity;
}
