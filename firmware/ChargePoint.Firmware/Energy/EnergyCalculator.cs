using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Firmware.Energy;

/// <summary>
/// The one place that decides how much energy may flow: the lowest of every applicable bound, for charge and
/// discharge separately (issue 7: min(composite schedule, EV, EVSE/power module, cable)). Pure: the same inputs
/// always give the same decision, so it is re-run on every input change and every charge loop.
/// </summary>
public static class EnergyCalculator
{
    public static EnergyDecision Decide(EnergyInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var volts = double.IsFinite(inputs.PresentVoltageVolts) && inputs.PresentVoltageVolts > 0 ? inputs.PresentVoltageVolts : 0;

        var chargeAmps = new LimitAccumulator();
        var dischargeAmps = new LimitAccumulator();
        Currents(ref chargeAmps, ref dischargeAmps, inputs.Ev, LimitSource.Ev);
        Currents(ref chargeAmps, ref dischargeAmps, inputs.Evse, LimitSource.Evse);
        Currents(ref chargeAmps, ref dischargeAmps, inputs.PowerModule, LimitSource.PowerModule);
        chargeAmps.Offer(inputs.CableAmperes, LimitSource.Cable);
        dischargeAmps.Offer(inputs.CableAmperes, LimitSource.Cable);

        var charge = new LimitAccumulator();
        var discharge = new LimitAccumulator();
        charge.Offer(inputs.Schedule?.ChargeWatts, LimitSource.Schedule);
        discharge.Offer(inputs.Schedule?.DischargeWatts, LimitSource.Schedule);
        Powers(ref charge, ref discharge, inputs.Ev, LimitSource.Ev);
        Powers(ref charge, ref discharge, inputs.Evse, LimitSource.Evse);
        Powers(ref charge, ref discharge, inputs.PowerModule, LimitSource.PowerModule);

        // A current bound limits power at the present voltage; without a voltage it cannot be compared, and the
        // module still enforces the current limit itself.
        if (volts > 0)
        {
            charge.Offer(chargeAmps.Value * volts, chargeAmps.Source);
            discharge.Offer(dischargeAmps.Value * volts, dischargeAmps.Source);
        }

        var chargeLimit = charge.ValueOrZero;
        var dischargeLimit = discharge.ValueOrZero;
        var wanted = inputs.Schedule?.SetpointWatts ?? inputs.EvTargetWatts ?? chargeLimit;
        var setpoint = double.IsFinite(wanted) ? Math.Clamp(wanted, -dischargeLimit, chargeLimit) : 0;
        return new EnergyDecision(
            chargeLimit,
            dischargeLimit,
            chargeAmps.ValueOrZero,
            dischargeAmps.ValueOrZero,
            setpoint,
            charge.Source,
            discharge.Source,
            inputs.Schedule?.Mode ?? OperationMode.ChargingOnly);
    }

    private static void Currents(ref LimitAccumulator charge, ref LimitAccumulator discharge, PowerBounds bounds, LimitSource source)
    {
        charge.Offer(bounds.MaxChargeAmperes, source);
        discharge.Offer(bounds.MaxDischargeAmperes, source);
    }

    private static void Powers(ref LimitAccumulator charge, ref LimitAccumulator discharge, PowerBounds bounds, LimitSource source)
    {
        charge.Offer(bounds.MaxChargeWatts, source);
        discharge.Offer(bounds.MaxDischargeWatts, source);
    }
}
