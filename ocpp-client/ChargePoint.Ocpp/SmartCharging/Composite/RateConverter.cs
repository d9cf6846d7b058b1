namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// A &lt;-&gt; W for one interval: W = A x V x phases (W values are the sum over phases, A values per phase);
/// on DC phases is 1 and V the nominal DC voltage.
/// </summary>
internal readonly record struct RateConverter(double Voltage, int Phases, ChargingRateUnit Target)
{
    public double Convert(double value, ChargingRateUnit from)
    {
        if (from == Target)
        {
            return value;
        }

        var wattsPerAmp = Voltage * Phases;
        return Target == ChargingRateUnit.W ? value * wattsPerAmp : value / wattsPerAmp;
    }

    public double? Convert(double? value, ChargingRateUnit from) => value is { } v ? Convert(v, from) : null;
}
