namespace ChargePoint.Hal.Pilot;

/// <summary>Cable current rating coded by the PP resistor of an IEC 62196-2 Type 2 plug.</summary>
public enum CableAmpacity
{
    /// <summary>No cable detected (open PP).</summary>
    NoCable,
    Amperes13,
    Amperes20,
    Amperes32,

    /// <summary>63 A three-phase or 70 A single-phase.</summary>
    Amperes63ThreePhase70SinglePhase,

    /// <summary>Resistance outside every coding range (short, broken contact).</summary>
    Fault,
}

/// <summary>Decodes the PP resistance: nominal 1.5 kΩ → 13 A, 680 Ω → 20 A, 220 Ω → 32 A, 100 Ω → 63/70 A
/// (IEC 61851-1 Table B.2 / IEC 62196-2), with tolerance ranges; a value between ranges counts as the lower
/// rating, below 60 Ω is a fault and above 4.5 kΩ means no cable.</summary>
public static class ProximityDecoder
{
    public static CableAmpacity Decode(double ohms) => ohms switch
    {
        double.NaN => CableAmpacity.Fault,
        < 60 => CableAmpacity.Fault,
        <= 140 => CableAmpacity.Amperes63ThreePhase70SinglePhase,
        <= 308 => CableAmpacity.Amperes32,
        <= 936 => CableAmpacity.Amperes20,
        <= 4500 => CableAmpacity.Amperes13,
        _ => CableAmpacity.NoCable,
    };

    public static double? MaxCurrentAmperes(CableAmpacity ampacity, bool singlePhase = false) => ampacity switch
    {
        CableAmpacity.Amperes13 => 13,
        CableAmpacity.Amperes20 => 20,
        CableAmpacity.Amperes32 => 32,
        CableAmpacity.Amperes63ThreePhase70SinglePhase => singlePhase ? 70 : 63,
        _ => null,
    };
}
