namespace ChargePoint.Hal.Abstractions;

/// <summary>Operating mode of a bidirectional DC power module.</summary>
public enum PowerModuleMode
{
    /// <summary>Output off; the module sinks no current and sources none.</summary>
    Off,

    /// <summary>Regulates the output to the target voltage with a small current limit (cable check, pre-charge).</summary>
    ConstantVoltage,

    /// <summary>Delivers current to the vehicle up to the charge limit, not exceeding the target voltage.</summary>
    Charge,

    /// <summary>Takes current from the vehicle up to the discharge limit while the vehicle voltage stays above the
    /// target (minimum) voltage.</summary>
    Discharge,
}
