namespace ChargePoint.Hal.Abstractions;

/// <summary>DC insulation monitoring device (IMD) between the DC output and PE.</summary>
public interface IIsolationMonitor
{
    bool IsMeasuring { get; }

    void Start();

    void Stop();

    /// <summary>The latest insulation resistance, or null when no valid measurement is available yet.</summary>
    double? ReadIsolationResistanceOhms();
}
