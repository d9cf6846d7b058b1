namespace ChargePoint.Hal.Abstractions;

/// <summary>The control-pilot front end: drives the ±12 V generator and samples both plateaus. It does not
/// interpret the voltages; classification with hysteresis lives in <c>ChargePoint.Hal.Pilot</c>.</summary>
public interface IControlPilot
{
    /// <summary>Whether the hardware can tie the pilot to 0 V (state E); otherwise state F is used instead.</summary>
    bool SupportsStateE { get; }

    PilotOutput Output { get; }

    void SetOutput(PilotOutput output);

    /// <summary>The latest plateau voltages. Cheap: callers poll it every few milliseconds.</summary>
    PilotMeasurement ReadMeasurement();
}
