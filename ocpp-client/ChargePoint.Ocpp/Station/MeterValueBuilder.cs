using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Ocpp.Station;

/// <summary>
/// Turns a <see cref="MeterReading"/> into sampled values for the configured measurands. Import and export
/// energy are separate monotonic registers. Power.Active.Import is signed (negative while discharging, as the
/// product requires; the 2.1 text does not define the sign) and Power.Active.Export carries the discharge power
/// as a positive value.
/// </summary>
public static class MeterValueBuilder
{
    public static MeterValueType Build(MeterReading reading, IEnumerable<string> measurands, ReadingContextEnumType context)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(measurands);
        var values = new List<SampledValueType>();
        foreach (var name in measurands.Distinct(StringComparer.Ordinal))
        {
            if (!MeasurandEnumTypeWire.TryParse(name, out var measurand))
            {
                continue;
            }

            double? value = measurand switch
            {
                MeasurandEnumType.Energy_Active_Import_Register => reading.ImportWh,
                MeasurandEnumType.Energy_Active_Export_Register => reading.ExportWh,
                MeasurandEnumType.Power_Active_Import => reading.PowerW,
                MeasurandEnumType.Power_Active_Export => Math.Max(0, -reading.PowerW),
                MeasurandEnumType.SoC => reading.SocPercent,
                MeasurandEnumType.Voltage => reading.Voltage,
                MeasurandEnumType.Current_Import => reading.CurrentA is { } i ? Math.Max(0, i) : null,
                MeasurandEnumType.Current_Export => reading.CurrentA is { } e ? Math.Max(0, -e) : null,
                _ => null,
            };
            if (value is { } v)
            {
                values.Add(new SampledValueType
                {
                    Value = Math.Round(v, 3),
                    Measurand = measurand,
                    Context = context,
                    Location = measurand == MeasurandEnumType.SoC ? LocationEnumType.EV : LocationEnumType.Outlet,
                    UnitOfMeasure = new UnitOfMeasureType { Unit = Unit(measurand) },
                });
            }
        }

        return new MeterValueType { Timestamp = reading.Timestamp, SampledValue = values };
    }

    private static string Unit(MeasurandEnumType measurand) => measurand switch
    {
        MeasurandEnumType.Energy_Active_Import_Register or MeasurandEnumType.Energy_Active_Export_Register => "Wh",
        MeasurandEnumType.Power_Active_Import or MeasurandEnumType.Power_Active_Export => "W",
        MeasurandEnumType.SoC => "Percent",
        MeasurandEnumType.Voltage => "V",
        _ => "A",
    };
}
