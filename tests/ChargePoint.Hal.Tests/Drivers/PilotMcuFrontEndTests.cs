using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Drivers.PilotMcu;
using ChargePoint.Hal.Linux.Serial;
using ChargePoint.Hal.Simulated;

namespace ChargePoint.Hal.Tests.Drivers;

/// <summary>The pilot front-end driver over a real termios port against a simulated MCU on the pseudo-terminal's
/// far side (real time: the link's timeouts are part of what is tested).</summary>
public sealed class PilotMcuFrontEndTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    private readonly PseudoTerminal _pty = PseudoTerminal.Open();
    private readonly SerialPort _port;
    private readonly SimulatedEv _ev = new(new SimulatedBattery());
    private readonly SimulatedControlPilot _pilot;
    private readonly SimulatedPilotMcu _mcu;
    private readonly PilotMcuFrontEnd _host;

    public PilotMcuFrontEndTests()
    {
        _port = SerialPort.Open(new SerialPortOptions { Device = _pty.SecondaryPath, BaudRate = 115200 });
        _pilot = new SimulatedControlPilot(_ev);
        _mcu = new SimulatedPilotMcu(_pty.Primary, _pilot, new SimulatedProximityPilot(_ev), TimeProvider.System);
        _host = new PilotMcuFrontEnd(_port, TimeProvider.System, new PilotMcuOptions());
    }

    [Fact]
    public void Pwm_reaches_the_MCU_and_the_plateaus_come_back()
    {
        _ev.PlugIn();

        _host.SetOutput(PilotOutput.Pwm(5));

        Assert.True(SpinWait.SpinUntil(() => _pilot.Output == PilotOutput.Pwm(5), Wait));
        Assert.True(SpinWait.SpinUntil(() => Math.Abs(_host.ReadMeasurement().HighPlateauVolts - 8.79) < 0.01, Wait));
        Assert.Equal(-12, _host.ReadMeasurement().LowPlateauVolts, 3);
        Assert.Equal(220, _host.ReadResistanceOhms());
        Assert.False(_host.IsPressed);
    }

    [Fact]
    public void Contactor_commands_and_feedback_cross_the_link()
    {
        _host.Contactors[1].Close();

        Assert.True(SpinWait.SpinUntil(() => _host.Contactors[1].IsFeedbackClosed, Wait));
        Assert.False(_host.Contactors[0].IsFeedbackClosed);
        Assert.Equal(0b10, _mcu.ContactorsClosed);
    }

    [Fact]
    public void The_MCU_goes_safe_on_its_own_when_the_host_stops_its_heartbeat()
    {
        _host.Contactors[0].Close();
        _host.SetOutput(PilotOutput.Pwm(50));
        Assert.True(SpinWait.SpinUntil(() => _mcu.ContactorsClosed == 1, Wait));

        _host.Dispose();

        Assert.True(SpinWait.SpinUntil(() => _mcu.HeartbeatLost, Wait));
        Assert.Equal(0, _mcu.ContactorsClosed);
        Assert.Equal(PilotOutputMode.StateF, _pilot.Output.Mode);
    }

    [Fact]
    public void A_silent_MCU_makes_the_host_fail_safe()
    {
        Assert.True(SpinWait.SpinUntil(() => _host.IsLinkUp, Wait));

        _mcu.Dispose();

        Assert.True(SpinWait.SpinUntil(() => !_host.IsLinkUp, Wait));
        Assert.True(double.IsNaN(_host.ReadMeasurement().HighPlateauVolts));
        Assert.True(_host.IsPressed);
    }

    [Fact]
    public void Safety_inputs_from_the_MCU_are_reported()
    {
        _mcu.EmergencyStopPressed = true;

        Assert.True(SpinWait.SpinUntil(() => _host.IsLinkUp && _host.IsPressed, Wait));
    }

    public void Dispose()
    {
        _host.Dispose();
        _mcu.Dispose();
        _port.Dispose();
        _pty.Dispose();
    }
}
