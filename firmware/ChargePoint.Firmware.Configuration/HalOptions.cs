namespace ChargePoint.Firmware.Configuration;

/// <summary>Which hardware drives the station.</summary>
public enum HalDriver
{
    /// <summary>The in-process simulated station (always used by <c>--simulate</c>).</summary>
    Simulated,

    /// <summary>The Linux drivers of a real board.</summary>
    Linux,
}

/// <summary>Section <c>Hal</c>: the station's hardware and its ratings. Magnitudes are positive.</summary>
public sealed class HalOptions
{
    public const string SectionName = "Hal";

    public HalDriver Driver { get; set; } = HalDriver.Linux;

    /// <summary>The pilot front end of a Linux board (ignored by the simulated station).</summary>
    public PilotFrontEnd PilotFrontEnd { get; set; } = PilotFrontEnd.Mcu;

    /// <summary>EVSE rating for charging (EVSE.Power), in W.</summary>
    public double MaxChargePowerWatts { get; set; } = 50_000;

    /// <summary>EVSE rating for discharging (EVSE.DischargePower), in W; 0 makes the EVSE charge-only.</summary>
    public double MaxDischargePowerWatts { get; set; } = 50_000;

    public double MaxChargeCurrentAmperes { get; set; } = 125;

    public double MaxDischargeCurrentAmperes { get; set; } = 125;

    /// <summary>Lowest DC output voltage the EVSE offers (EVSEMinimumVoltage), in V.</summary>
    public double MinOutputVoltageVolts { get; set; } = 150;

    /// <summary>Highest DC output voltage the EVSE offers (EVSEMaximumVoltage), in V; at most what the power module
    /// can produce.</summary>
    public double MaxOutputVoltageVolts { get; set; } = 500;

    /// <summary>The tethered DC cable's rating, in A (DC cables carry no PP coding).</summary>
    public double CableMaxCurrentAmperes { get; set; } = 150;
}
