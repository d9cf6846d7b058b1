namespace ChargePoint.Hal.Abstractions;

/// <summary>Control-pilot states of IEC 61851-1 Annex A as seen on the high plateau of the pilot signal.</summary>
public enum CpState
{
    /// <summary>No vehicle connected (+12 V).</summary>
    A,

    /// <summary>Vehicle connected, not ready (+9 V).</summary>
    B,

    /// <summary>Vehicle ready, no ventilation required (+6 V).</summary>
    C,

    /// <summary>Vehicle ready, ventilation required (+3 V).</summary>
    D,

    /// <summary>Pilot shorted to PE or EVSE supply off (0 V).</summary>
    E,

    /// <summary>EVSE not available (−12 V).</summary>
    F,

    /// <summary>The measured voltage lies in none of the defined bands (pilot fault).</summary>
    Invalid,
}
