namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>One point of a period's v2xFreqWattCurve (V2XFreqWattPointType): frequency in Hz, power in W.</summary>
public readonly record struct V2xFreqWattPoint(double Frequency, double Power);

/// <summary>One point of a period's v2xSignalWattCurve (V2XSignalWattPointType): AFRR signal, power in W.</summary>
public readonly record struct V2xSignalWattPoint(int Signal, double Power);
