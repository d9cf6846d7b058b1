using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Drivers.MeanWell;

/// <summary>
/// <see cref="IBidirectionalPowerModule"/> for a Mean Well BIC-2200 over CAN (<see cref="Bic2200Protocol"/>).
/// Charge and constant-voltage modes run the unit AC→DC with VOUT_SET/IOUT_SET; discharge runs it DC→AC with
/// REVERSE_VOUT_SET (the minimum DC voltage) and REVERSE_IOUT_SET. Status is polled on a timer; answers update a
/// cached status, so <see cref="ReadStatus"/> never blocks. Mode and setpoint are cached and re-sent when the
/// unit answers again after a communication loss; until then the status carries
/// <see cref="PowerModuleFaults.CommunicationLost"/>.
/// </summary>
public sealed class Bic2200PowerModule : IBidirectionalPowerModule, IDisposable
{
    private readonly Lock _gate = new();
    private readonly ICanBus _bus;
    private readonly Bic2200Options _options;
    private readonly TimeProvider _time;
    private readonly ITimer _poll;
    private PowerModuleMode _mode;
    private PowerModuleSetpoint _setpoint = PowerModuleSetpoint.Zero;
    private double _voltage;
    private double _current;
    private PowerModuleFaults _deviceFaults;
    private DateTimeOffset _lastAnswer;
    private bool _linkLost = true;

    public Bic2200PowerModule(ICanBus bus, Bic2200Options options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _bus = bus;
        _options = options;
        _time = time;
        _lastAnswer = time.GetUtcNow() - options.CommunicationTimeout - TimeSpan.FromTicks(1);
        _bus.FrameReceived += OnFrame;
        _poll = time.CreateTimer(_ => Poll(), null, TimeSpan.Zero, options.PollPeriod);
    }

    public PowerModuleCapabilities Capabilities => _options.Capabilities;

    public void SetMode(PowerModuleMode mode)
    {
        lock (_gate)
        {
            _mode = mode;
            SendModeLocked();
        }
    }

    public void SetSetpoint(PowerModuleSetpoint setpoint)
    {
        var caps = _options.Capabilities;
        if (setpoint.TargetVoltageVolts > caps.MaxVoltageVolts || setpoint.ChargeCurrentLimitAmperes > caps.MaxChargeCurrentAmperes || setpoint.DischargeCurrentLimitAmperes > caps.MaxDischargeCurrentAmperes)
        {
            throw new ArgumentOutOfRangeException(nameof(setpoint), setpoint, $"Setpoint exceeds the BIC-2200 ratings {caps}.");
        }

        lock (_gate)
        {
            _setpoint = setpoint;
            SendSetpointLocked();
        }
    }

    public PowerModuleStatus ReadStatus()
    {
        lock (_gate)
        {
            var faults = _deviceFaults;
            if (_time.GetUtcNow() - _lastAnswer > _options.CommunicationTimeout)
            {
                faults |= PowerModuleFaults.CommunicationLost;
            }

            return new PowerModuleStatus(_mode, _voltage, _current, faults, _lastAnswer);
        }
    }

    public void Dispose()
    {
        _poll.Dispose();
        _bus.FrameReceived -= OnFrame;
    }

    private void Poll()
    {
        lock (_gate)
        {
            if (_time.GetUtcNow() - _lastAnswer > _options.CommunicationTimeout)
            {
                _linkLost = true;
            }
        }

        var address = _options.Address;
        _bus.Send(Bic2200Protocol.ReadRequest(address, Bic2200Protocol.ReadVout));
        _bus.Send(Bic2200Protocol.ReadRequest(address, Bic2200Protocol.ReadIout));
        _bus.Send(Bic2200Protocol.ReadRequest(address, Bic2200Protocol.FaultStatus));
    }

    private void OnFrame(object? sender, CanFrame frame)
    {
        if (!frame.IsExtended || frame.Id != (Bic2200Protocol.UnitToControllerBase | _options.Address))
        {
            return;
        }

        var (command, value, hasValue) = Bic2200Protocol.Parse(frame);
        if (!hasValue)
        {
            return;
        }

        lock (_gate)
        {
            _lastAnswer = _time.GetUtcNow();
            switch (command)
            {
                case Bic2200Protocol.ReadVout:
                    _voltage = value * _options.VoltageFactor;
                    break;
                case Bic2200Protocol.ReadIout:
                    // Signed: positive while charging the DC side (towards the vehicle), negative while discharging.
                    _current = (short)value * _options.CurrentFactor;
                    break;
                case Bic2200Protocol.FaultStatus:
                    _deviceFaults = Bic2200Protocol.ToFaults(value);
                    break;
            }

            if (_linkLost)
            {
                // Back after a loss: the unit may have restarted with defaults; restore what we want from it.
                _linkLost = false;
                SendSetpointLocked();
                SendModeLocked();
            }
        }
    }

    private void SendModeLocked()
    {
        var address = _options.Address;
        if (_mode == PowerModuleMode.Off)
        {
            _bus.Send(Bic2200Protocol.Write(address, Bic2200Protocol.Operation, 0));
            return;
        }

        _bus.Send(Bic2200Protocol.Write(address, Bic2200Protocol.DirectionControl, _mode == PowerModuleMode.Discharge ? (ushort)1 : (ushort)0));
        _bus.Send(Bic2200Protocol.Write(address, Bic2200Protocol.Operation, 1));
    }

    private void SendSetpointLocked()
    {
        var address = _options.Address;
        _bus.Send(Bic2200Protocol.Write(address, Bic2200Protocol.VoutSet, Counts(_setpoint.TargetVoltageVolts, _options.VoltageFactor)));
        _bus.Send(Bic2200Protocol.Write(address, Bic2200Protocol.IoutSet, Counts(_setpoint.ChargeCurrentLimitAmperes, _options.CurrentFactor)));
        _bus.Send(Bic2200Protocol.Write(address, Bic2200Protocol.ReverseVoutSet, Counts(_setpoint.TargetVoltageVolts, _options.VoltageFactor)));
        _bus.Send(Bic2200Protocol.Write(address, Bic2200Protocol.ReverseIoutSet, Counts(_setpoint.DischargeCurrentLimitAmperes, _options.CurrentFactor)));
    }

    private static ushort Counts(double value, double factor) => (ushort)Math.Clamp(Math.Round(value / factor), 0, ushort.MaxValue);
}
