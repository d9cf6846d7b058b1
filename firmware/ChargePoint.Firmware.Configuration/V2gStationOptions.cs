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

    /// <summary>SLAC (ISO 15118-3) on <c>V2g:Interface</c> over a raw packet socket before SDP and TLS. Unset: on a
    /// board always; for an external EV in simulation (<c>Simulation:Ev=external</c>) off, the link then taken as
    /// up. Set it true there to match an outside EV and its PLC modem (simulator) on that interface first.</summary>
    public bool? Slac { get; set; }

    /// <summary>How long the HLC link (PLC/TCP) may be gone before the session counts as lost.</summary>
    public double LinkLossSeconds { get; set; } = 2;
}
