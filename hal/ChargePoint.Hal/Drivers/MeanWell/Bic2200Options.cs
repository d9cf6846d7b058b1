using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Drivers.MeanWell;

/// <summary>Settings of one BIC-2200 on a CAN bus. Bound from configuration section "PowerModule:Bic2200".</summary>
public sealed record Bic2200Options
{
    /// <summary>Unit address set by the unit's DIP switches (0…7).</summary>
    public byte Address { get; init; }

    /// <summary>How often voltage, current and fault status are requested.</summary>
    public TimeSpan PollPeriod { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Without any answer for this long the link counts as lost.</summary>
    public TimeSpan CommunicationTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Volts per count of VOUT registers (0.01 on the 48 V model; see SCALING_FACTOR 0x00C0).</summary>
    public double VoltageFactor { get; init; } = 0.01;

    /// <summary>Amperes per count of IOUT registers (0.01 on the 48 V model).</summary>
    public double CurrentFactor { get; init; } = 0.01;

    /// <summary>Ratings of the BIC-2200-48CAN (38…65 V, 2.2 kW).</summary>
    public PowerModuleCapabilities Capabilities { get; init; } = new(38, 65, 45, 38.3, 2200, 2200);
}
