using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Firmware.Energy;

/// <summary>Reads the period in force from a composite schedule and expresses it in W for the energy
/// calculator (A × voltage × phases for schedules in A; OCPP 2.1 K01: dischargeLimit ≤ 0, setpoint signed).
/// With an AFRR signal in force and a v2xSignalWattCurve in the period, the curve's power (on top of v2xBaseline,
/// Q08) is the setpoint, still bounded by the period's limit and dischargeLimit.</summary>
public static class ScheduleLimitReader
{
    public static ScheduleLimit? At(CompositeSchedule? schedule, DateTimeOffset now, double voltageVolts, int phases = 1, int? afrrSignal = null)
    {
        if (schedule is null || schedule.ChargingSchedulePeriod.IsDefaultOrEmpty)
        {
            return null;
        }

        var elapsed = (now - schedule.ScheduleStart).TotalSeconds;
        if (elapsed < 0 || (schedule.Duration > 0 && elapsed >= schedule.Duration))
        {
            return null;
        }

        CompositePeriod? current = null;
        foreach (var period in schedule.ChargingSchedulePeriod)
        {
            if (period.StartPeriod <= elapsed)
            {
                current = period;
            }
        }

        if (current is null)
        {
            return null;
        }

        var factor = schedule.ChargingRateUnit == ChargingRateUnit.A
            ? Math.Max(voltageVolts, 0) * Math.Max(current.NumberPhases ?? phases, 1)
            : 1;
        var limit = current.Limit * factor;
        var dischargeLimit = Math.Abs(current.DischargeLimit) * factor;

        // The curve is in W whatever the schedule's unit (V2XSignalWattPointType.power).
        var setpoint = afrrSignal is { } signal && SignalWattCurve.Target(current, signal) is { } afrr
            ? Math.Clamp(afrr, -dischargeLimit, limit)
            : current.Setpoint * factor;
        return new ScheduleLimit(limit, dischargeLimit, setpoint, current.OperationMode);
    }
}
