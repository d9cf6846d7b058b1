namespace ChargePoint.Hal.Abstractions;

/// <summary>DC insulation monitoring device (IMD) between the DC output and PE.</summary>
public interface IIsolationMonitor
{
    bool IsMeasuring { get; }

    void Start();

    void Stop();

    /// <summary>The latest insulation resistance, or null when no valid measurement is available (or the device
    /// reports alarms only).</summary>
    double? ReadIsolationResistanceOhms();

    /// <summary>Judges the insulation against <paramref name="thresholds"/>. Devices that report their own alarms
    /// (alarm relays, alarm registers) or can fail silently override this; the result is the worse of the device's
    /// alarm and the thresholds.</summary>
    IsolationStatus ReadStatus(IsolationThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return IsMeasuring
            ? thresholds.Evaluate(ReadIsolationResistanceOhms())
            : new IsolationStatus(IsolationCondition.Unknown, null, "The insulation monitor is not measuring.");
    }
}
