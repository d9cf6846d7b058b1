using System.Text;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Drivers.MeanWell;
using ChargePoint.Hal.Linux.Can;
using ChargePoint.Hal.Linux.Serial;
using ChargePoint.Hal.Simulated;
using ChargePoint.Hal.Tests.Drivers;

namespace ChargePoint.Hal.Tests.Linux;

/// <summary>The serial-line (LAWICEL/SLCAN) CAN transport: the ASCII codec, and the BIC-2200 driver over a real
/// pseudo-terminal against the simulated adapter with the simulated unit behind it.</summary>
public sealed class SerialLineCanTests
{
    [Theory]
    [InlineData(0x123u, false, "1122", "t12321122\r")]
    [InlineData(0x000C0100u, true, "0001", "T000C010020001\r")]
    [InlineData(0x7FFu, false, "", "t7FF0\r")]
    [InlineData(0x1FFFFFFFu, true, "0102030405060708", "T1FFFFFFF80102030405060708\r")]
    public void Frames_encode_to_the_documented_lines_and_back(uint id, bool extended, string data, string line)
    {
        var frame = new CanFrame(id, extended, Convert.FromHexString(data));
        var buffer = new byte[SerialLineCanCodec.MaxLineLength];

        var length = SerialLineCanCodec.Encode(frame, buffer);

        Assert.Equal(line, Encoding.ASCII.GetString(buffer, 0, length));
        Assert.Equal(frame, SerialLineCanCodec.Decode(buffer.AsSpan(0, length - 1)));
    }

    [Theory]
    [InlineData("t1232112")] // one data digit short
    [InlineData("t12391122334455667788")] // length 9
    [InlineData("t12G0")] // not hex
    [InlineData("t800")] // 0x800 does not fit 11 bits
    [InlineData("T000C01")] // id cut short
    [InlineData("r1230")] // remote frame: not used
    [InlineData("z")] // transmit acknowledgement
    public void Malformed_or_foreign_lines_are_not_frames(string line) =>
        Assert.Null(SerialLineCanCodec.Decode(Encoding.ASCII.GetBytes(line)));

    [Fact]
    public void A_timestamped_line_still_decodes() =>
        Assert.Equal(new CanFrame(0x123, false, [0xAB]), SerialLineCanCodec.Decode("t1231AB1F2E"u8));

    [Fact]
    public void The_splitter_drops_overlong_noise_and_counts_bells()
    {
        var splitter = new SerialLineSplitter();
        var lines = new List<string>();
        var noise = new string('x', 40);

        splitter.Feed(Encoding.ASCII.GetBytes($"{noise}\rt1230\r\a\r\nT000000010\r"), l => lines.Add(Encoding.ASCII.GetString(l)));

        Assert.Equal(["t1230", "T000000010"], lines);
        Assert.Equal(1, splitter.Errors);
        Assert.Equal(1, splitter.Overruns);
    }

    [Fact]
    public void The_bic2200_driver_runs_over_a_serial_line_adapter_on_a_pseudo_terminal()
    {
        var time = TimeProvider.System;
        var relaxed = TimeSpan.FromSeconds(2);
        using var pty = PseudoTerminal.Open();
        var network = new InMemoryCanNetwork();
        using var adapter = new SimulatedSerialLineCanAdapter(pty.Primary, network.CreateEndpoint());
        var battery = new SimulatedBattery(5_000, 50, 44, 56, 0.02);
        var physics = new SimulatedPowerModule(time, new SimulatedPowerModuleOptions { Capabilities = new Bic2200Options().Capabilities }, () => battery);
        using var unit = new SimulatedBic2200Device(network.CreateEndpoint(), 0, physics, time);
        using var bus = SerialLineCanBus.Open(new SerialPortOptions { Device = pty.SecondaryPath, BaudRate = 115200 }, 250_000);
        using var module = new Bic2200PowerModule(bus, new Bic2200Options { CommunicationTimeout = relaxed }, time);

        // An answer can only come once the adapter is set up and open.
        Assert.True(PowerModuleWait.ForAnswer(module, TimeSpan.FromSeconds(10)), "the unit answers through the adapter");
        Assert.Equal('5', adapter.BitrateCode); // 250 kbit/s
        Assert.True(adapter.IsOpen);

        module.SetSetpoint(new PowerModuleSetpoint(58, 20, 0));
        module.SetMode(PowerModuleMode.Charge);

        Assert.True(SpinWait.SpinUntil(() => module.ReadStatus().OutputCurrentAmperes >= 19.9, TimeSpan.FromSeconds(10)), $"charge current reported: {module.ReadStatus()}");
        Assert.Equal(PowerModuleMode.Charge, physics.ActualMode);
        Assert.Equal(0, bus.AdapterErrors);
    }
}
