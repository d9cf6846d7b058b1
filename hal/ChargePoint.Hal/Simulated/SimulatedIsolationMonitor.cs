using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Simulated;

/// <summary>An insulation monitor that measures a healthy 10 MΩ unless a fault is injected.</summary>
public sealed class SimulatedIsolationMonitor : IIsolationMonitor
{
    private double _resistanceOhms = 10_000_000;

    public bool IsMeasuring { get; private set; }

    public void Start() => IsMeasuring = true;

    public void Stop() => IsMeasuring = false;

    public double? ReadIsolationResistanceOhms() => IsMeasuring ? Volatile.Read(ref _resistanceOhms) : null;

    public void SetResistance(double ohms) => Volatile.Write(ref _resistanceOhms, ohms);
}
