using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Simulated;

/// <summary>
/// A bidirectional DC power module with physical behaviour: it ramps its current towards what the mode and
/// setpoint ask, within its ratings and the setpoint's limits, in both directions, and regulates the voltage
/// with no load. Connected to a battery, the voltage is the battery's and the current flows into or out of it.
/// Faults: a device fault (module shuts down and reports it) and communication silence (commands are lost and
/// the status stops updating, as when the CAN bus goes quiet).
/// </summary>
public sealed class SimulatedPowerModule(TimeProvider time, SimulatedPowerModuleOptions options, Func<SimulatedBattery?> connectedBattery) : IBidirectionalPowerModule
{
    private readonly Lock _gate = new();
    private PowerModuleMode _mode;
    private PowerModuleSetpoint _setpoint = PowerModuleSetpoint.Zero;
    private double _voltage;
    private double _current;
    private PowerModuleFaults _faults;
    private bool _silent;
    private PowerModuleStatus _reported = new(PowerModuleMode.Off, 0, 0, PowerModuleFaults.None, time.GetUtcNow());

    public PowerModuleCapabilities Capabilities => options.Capabilities;

    /// <summary>True physical output voltage (what a meter on the output sees).</summary>
    public double ActualVoltageVolts
    {
        get
        {
            lock (_gate)
            {
                return _voltage;
            }
        }
    }

    /// <summary>True physical output current, positive towards the vehicle.</summary>
    public double ActualCurrentAmperes
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public PowerModuleMode ActualMode
    {
        get
        {
            lock (_gate)
            {
                return _mode;
            }
        }
    }

    public void SetMode(PowerModuleMode mode)
    {
        lock (_gate)
        {
            if (!_silent && (_faults == PowerModuleFaults.None || mode == PowerModuleMode.Off))
            {
                _mode = mode;
            }
        }
    }

    public void SetSetpoint(PowerModuleSetpoint setpoint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(setpoint.ChargeCurrentLimitAmperes);
        ArgumentOutOfRangeException.ThrowIfNegative(setpoint.DischargeCurrentLimitAmperes);
        lock (_gate)
        {
            if (!_silent)
            {
                _setpoint = setpoint;
            }
        }
    }

    public PowerModuleStatus ReadStatus()
    {
        lock (_gate)
        {
            // A module on a healthy bus answers every read with its present state; only injected silence lets
            // the status age. (Stamping only on physics ticks made a late tick under CPU load look like CAN silence.)
            return _silent ? _reported : _reported with { UpdatedAt = time.GetUtcNow() };
        }
    }

    /// <summary>The module trips internally: output off, fault reported.</summary>
    public void InjectFault(PowerModuleFaults fault)
    {
        lock (_gate)
        {
            _faults |= fault;
            _mode = PowerModuleMode.Off;
        }
    }

    /// <summary>The bus goes silent: no commands arrive and no status is reported.</summary>
    public void SilenceCommunication(bool silent = true)
    {
        lock (_gate)
        {
            _silent = silent;
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults = PowerModuleFaults.None;
            _silent = false;
        }
    }

    /// <summary>Advances the physics by <paramref name="step"/>.</summary>
    public void Step(TimeSpan step)
    {
        var battery = connectedBattery();
        var seconds = step.TotalSeconds;
        lock (_gate)
        {
            var target = TargetCurrent(battery);
            var rate = _mode == PowerModuleMode.Off || Math.Abs(target) < Math.Abs(_current) && Math.Sign(target) != Math.Sign(_current)
                ? options.ShutdownRampAmperesPerSecond
                : options.CurrentRampAmperesPerSecond;
            _current = MoveTowards(_current, battery is null ? 0 : target, rate * seconds);
            if (battery is not null)
            {
                battery.Apply(_current, step);
                _voltage = battery.TerminalVoltageVolts(_current);
            }
            else
            {
                var voltageTarget = _mode == PowerModuleMode.Off ? 0 : _setpoint.TargetVoltageVolts;
                var voltageRate = _mode == PowerModuleMode.Off ? options.VoltageBleedVoltsPerSecond : options.VoltageRampVoltsPerSecond;
                _voltage = MoveTowards(_voltage, voltageTarget, voltageRate * seconds);
            }

            if (!_silent)
            {
                _reported = new PowerModuleStatus(_mode, _voltage, _current, _faults, time.GetUtcNow());
            }
        }
    }

    private double TargetCurrent(SimulatedBattery? battery)
    {
        if (battery is null || _mode == PowerModuleMode.Off)
        {
            return 0;
        }

        var caps = options.Capabilities;
        // Power limits apply at the terminal voltage, which rises with charge current and sags with discharge.
        var voltage = Math.Max(battery.TerminalVoltageVolts(_current), 1);
        var chargeLimit = Min(_setpoint.ChargeCurrentLimitAmperes, caps.MaxChargeCurrentAmperes, caps.MaxChargePowerWatts / voltage);
        var dischargeLimit = Min(_setpoint.DischargeCurrentLimitAmperes, caps.MaxDischargeCurrentAmperes, caps.MaxDischargePowerWatts / voltage);
        if (battery.IsFull)
        {
            chargeLimit = 0;
        }

        if (battery.IsEmpty)
        {
            dischargeLimit = 0;
        }

        // Constant-voltage regulation against the battery's internal resistance, clipped by the current limits.
        var regulating = (_setpoint.TargetVoltageVolts - battery.OpenCircuitVoltageVolts) / battery.InternalResistanceOhms;
        return _mode switch
        {
            PowerModuleMode.ConstantVoltage => Math.Clamp(regulating, -dischargeLimit, chargeLimit),
            PowerModuleMode.Charge => Math.Clamp(regulating, 0, chargeLimit),
            PowerModuleMode.Discharge => -Math.Clamp(-regulating, 0, dischargeLimit),
            _ => 0,
        };
    }

    private static double Min(double a, double b, double c) => Math.Min(a, Math.Min(b, c));

    private static double MoveTowards(double value, double target, double maxDelta) =>
        Math.Abs(target - value) <= maxDelta ? target : value + (Math.Sign(target - value) * maxDelta);
}
