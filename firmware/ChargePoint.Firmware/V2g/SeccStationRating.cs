namespace ChargePoint.Firmware.V2g;

/// <summary>The EVSE's fixed DC ratings the SECC adapter needs to express power limits as currents (A, V).</summary>
public sealed record SeccStationRating(
    double MaxChargeCurrentAmperes,
    double MaxDischargeCurrentAmperes,
    double MaxVoltageVolts,
    double MinVoltageVolts);
