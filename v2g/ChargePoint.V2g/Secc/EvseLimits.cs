namespace ChargePoint.V2g.Secc;

/// <summary>DC limits of the EVSE as set by the energy manager; all values are magnitudes (W, A, V).</summary>
public sealed record DcEvseLimits(
    double MaximumChargePower,
    double MinimumChargePower,
    double MaximumChargeCurrent,
    double MinimumChargeCurrent,
    double MaximumVoltage,
    double MinimumVoltage,
    double MaximumDischargePower,
    double MinimumDischargePower,
    double MaximumDischargeCurrent,
    double MinimumDischargeCurrent);

/// <summary>AC limits of the EVSE (total over phases, W; frequency Hz); discharge values are magnitudes.</summary>
public sealed record AcEvseLimits(
    double MaximumChargePower,
    double MinimumChargePower,
    double MaximumDischargePower,
    double MinimumDischargePower,
    double NominalFrequency,
    double NominalVoltage);
