namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>LimitAtSoCType: from <paramref name="Soc"/> percent on, charge with at most <paramref name="Limit"/>.</summary>
public readonly record struct LimitAtSoC(int Soc, double Limit);
