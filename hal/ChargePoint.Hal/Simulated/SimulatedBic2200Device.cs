using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Drivers.MeanWell;

namespace ChargePoint.Hal.Simulated;

/// <summary>
/// A BIC-2200 as seen on its CAN port: decodes the controller's commands into a <see cref="SimulatedPowerModule"/>
/// (whose physics it steps on the given clock) and answers read requests from the module's true state, with the
/// protocol's scaling. Lets the real driver run against simulated power flow.
/// </summary>
public sealed class SimulatedBic2200Device : IDisposable
{
    private readonly ICanBus _bus;
    private readonly byte _address;
    private readonly ITimer _physics;
    private readonly TimeSpan _step = TimeSpan.FromMilliseconds(10);
    private bool _on;
    private bool _discharge;
    private double _vout;
    private double _iout;
    private double _reverseVout;
    private double _reverseIout;

    public SimulatedBic2200Device(ICanBus bus, byte address, SimulatedPowerModule module, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(time);
        _bus = bus;
        _address = address;
        Module = module;
        _bus.FrameReceived += OnFrame;
        _physics = time.CreateTimer(_ => Module.Step(_step), null, _step, _step);
    }

    public SimulatedPowerModule Module { get; }

    /// <summary>FAULT_STATUS bits the unit reports (e.g. <see cref="Bic2200Protocol.FaultOverTemperature"/>).</summary>
    public ushort FaultStatus { get; set; }

    public int CommandsReceived { get; private set; }

    public void Dispose()
    {
        _physics.Dispose();
        _bus.FrameReceived -= OnFrame;
    }

    private void OnFrame(object? sender, CanFrame frame)
    {
        if (!frame.IsExtended || (frame.Id != (Bic2200Protocol.ControllerToUnitBase | _address) && frame.Id != (Bic2200Protocol.ControllerToUnitBase | Bic2200Protocol.BroadcastAddress)))
        {
            return;
        }

        CommandsReceived++;
        var (command, value, hasValue) = Bic2200Protocol.Parse(frame);
        if (!hasValue)
        {
            Answer(command);
            return;
        }

        switch (command)
        {
            case Bic2200Protocol.Operation:
                _on = value != 0;
                break;
            case Bic2200Protocol.DirectionControl:
                _discharge = value == 1;
                break;
            case Bic2200Protocol.VoutSet:
                _vout = value * 0.01;
                break;
            case Bic2200Protocol.IoutSet:
                _iout = value * 0.01;
                break;
            case Bic2200Protocol.ReverseVoutSet:
                _reverseVout = value * 0.01;
                break;
            case Bic2200Protocol.ReverseIoutSet:
                _reverseIout = value * 0.01;
                break;
        }

        Module.SetSetpoint(new PowerModuleSetpoint(_discharge ? _reverseVout : _vout, _iout, _reverseIout));
        Module.SetMode(!_on ? PowerModuleMode.Off : _discharge ? PowerModuleMode.Discharge : PowerModuleMode.Charge);
    }

    private void Answer(ushort command)
    {
        ushort? value = command switch
        {
            Bic2200Protocol.ReadVout => (ushort)Math.Round(Module.ActualVoltageVolts / 0.01),
            Bic2200Protocol.ReadIout => unchecked((ushort)(short)Math.Round(Module.ActualCurrentAmperes / 0.01)),
            Bic2200Protocol.FaultStatus => FaultStatus,
            Bic2200Protocol.Operation => _on ? (ushort)1 : (ushort)0,
            _ => null,
        };
        if (value is { } v)
        {
            _bus.Send(Bic2200Protocol.Response(_address, command, v));
        }
    }
}
