namespace ChargePoint.Firmware.Configuration;

/// <summary>Firmware-side keys of section <c>V2g</c> (the transport keys such as <c>V2g:Interface</c> belong to
/// the V2G stack's own options).</summary>
public sealed class V2gStationOptions
{
    public const string SectionName = "V2g";

    /// <summary>ISO 15118-20 sequence timeout ([V2G20-443]: 60 s), after which the session is stopped safely.</summary>
    public double SequenceTimeoutSeconds { get; set; } = 60;

    /// <summary><c>dynamic</c> or <c>scheduled</c>: the control mode whose parameter set ServiceDetailRes lists first.</summary>
    public string ControlMode { get; set; } = "dynamic";

    /// <summary>How long the HLC link (PLC/TCP) may be gone before the session counts as lost.</summary>
    public double LinkLossSeconds { get; set; } = 2;
}
