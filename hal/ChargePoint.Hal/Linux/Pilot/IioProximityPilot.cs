using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Linux.Iio;

namespace ChargePoint.Hal.Linux.Pilot;

/// <summary>
/// The proximity contact read through an IIO ADC channel across a pull-up divider: PP is pulled up to
/// <c>supplyVolts</c> through <c>pullUpOhms</c>, and the cable's coding resistor (IEC 61851-1 Annex B) pulls it
/// towards PE, so R = R_pull-up × V / (V_supply − V). A node within 2 % of the supply is an open contact: no cable.
/// </summary>
public sealed class IioProximityPilot(IioAdcChannel adc, double pullUpOhms, double supplyVolts) : IProximityPilot
{
    private const double OpenContactFraction = 0.98;

    public double ReadResistanceOhms()
    {
        var volts = adc.ReadMillivolts() / 1000.0;
        return volts >= supplyVolts * OpenContactFraction
            ? double.PositiveInfinity
            : pullUpOhms * Math.Max(volts, 0) / (supplyVolts - volts);
    }
}
