using ChargePoint.V2g.Exi.Iso20;

namespace ChargePoint.V2g.Secc;

/// <summary>Conversion between doubles and the -20 RationalNumber (short value × 10^exponent).</summary>
public static class Rational
{
    private const int MaxFractionDigits = 3;

    public static RationalNumberType From(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A RationalNumber must be finite.");
        }

        var exponent = 0;
        var scaled = value;
        while (Math.Abs(scaled) > short.MaxValue)
        {
            scaled /= 10;
            exponent++;
        }

        while (exponent > -MaxFractionDigits && Math.Abs(scaled * 10) <= short.MaxValue && Math.Abs(scaled - Math.Round(scaled)) > 1e-9)
        {
            scaled *= 10;
            exponent--;
        }

        var rounded = Math.Clamp(Math.Round(scaled), short.MinValue, short.MaxValue);
        return new RationalNumberType { Value = (short)rounded, Exponent = (sbyte)exponent };
    }

    public static double ToDouble(this RationalNumberType number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.Value * Math.Pow(10, number.Exponent);
    }

    /// <summary>Magnitude of a limit the EV sent with either sign.</summary>
    public static double Magnitude(this RationalNumberType number) => Math.Abs(number.ToDouble());

    public static double? MagnitudeOrNull(this RationalNumberType? number) => number is null ? null : Math.Abs(number.ToDouble());

    public static double? ToDoubleOrNull(this RationalNumberType? number) => number?.ToDouble();

    /// <summary>A discharge limit magnitude with the sign configured for this vehicle.</summary>
    public static RationalNumberType Discharge(double magnitude, DischargeLimitSign sign) =>
        From(sign == DischargeLimitSign.Negative ? -Math.Abs(magnitude) : Math.Abs(magnitude));
}
