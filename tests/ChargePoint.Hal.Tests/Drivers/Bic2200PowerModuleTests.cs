using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Drivers.MeanWell;
using ChargePoint.Hal.Simulated;
using ChargePoint.TestUtilities;

namespace ChargePoint.Hal.Tests.Drivers;

/// <summary>The BIC-2200 driver against a simulated BIC-2200 on an in-memory CAN bus, on fake time.</summary>
public sealed class Bic2200PowerModuleTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryCanNetwork _network = new();
    private readonly SimulatedBattery _battery = new(capacityWattHours: 5_000, initialSocPercent: 50, minVoltageVolts: 44, maxVoltageVolts: 56, internalResistanceOhms: 0.02);
    private readonly SimulatedBic2200Device _device;
    private readonly Bic2200PowerModule _driver;

    public Bic2200PowerModuleTests()
    {
        var module = new SimulatedPowerModule(_time, new SimulatedPowerModuleOptions { Capabilities = new Bic2200Options().Capabilities }, () => _battery);
        _device = new SimulatedBic2200Device(_network.CreateEndpoint(), address: 1, module, _time);
        _driver = new Bic2200PowerModule(_network.CreateEndpoint(), new Bic2200Options { Address = 1 }, _time);
    }

    [Fact]
    public void Frames_follow_the_published_layout()
    {
        // VOUT_SET 48.00 V to unit 1: ID 0x000C0301, command 0x0020 and 4800 (0x12C0), both low byte first.
        var frame = Bic2200Protocol.Write(1, Bic2200Protocol.VoutSet, 4800);

        Assert.True(frame.IsExtended);
        Assert.Equal(0x000C0301u, frame.Id);
        Assert.Equal(Convert.FromHexString("2000C012"), frame.Data);
        Assert.Equal(Convert.FromHexString("000001"), Bic2200Protocol.Write(1, Bic2200Protocol.Operation, 1).Data);
        Assert.Equal(Convert.FromHexString("6100"), Bic2200Protocol.ReadRequest(1, Bic2200Protocol.ReadIout).Data);
    }

    [Fact]
    public void Charging_reports_positive_current_towards_the_battery()
    {
        _driver.SetSetpoint(new PowerModuleSetpoint(58, 30, 0));
        _driver.SetMode(PowerModuleMode.Charge);

        _time.Advance(TimeSpan.FromSeconds(1));

        var status = _driver.ReadStatus();
        Assert.Equal(PowerModuleFaults.None, status.Faults);
        Assert.Equal(30, status.OutputCurrentAmperes, 1);
        Assert.InRange(status.OutputVoltageVolts, 44, 58);
        Assert.Equal(_time.GetUtcNow(), status.UpdatedAt);
    }

    [Fact]
    public void Discharging_reports_negative_current_within_the_reverse_limit()
    {
        _driver.SetSetpoint(new PowerModuleSetpoint(40, 0, 20));
        _driver.SetMode(PowerModuleMode.Discharge);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(-20, _driver.ReadStatus().OutputCurrentAmperes, 1);
        Assert.Equal(PowerModuleMode.Discharge, _device.Module.ActualMode);
    }

    [Fact]
    public void Silence_on_the_bus_is_reported_and_setpoints_are_restored_when_the_unit_returns()
    {
        _driver.SetSetpoint(new PowerModuleSetpoint(58, 25, 0));
        _driver.SetMode(PowerModuleMode.Charge);
        _time.Advance(TimeSpan.FromMilliseconds(300));

        _network.IsSilenced = true;
        _device.Module.SetMode(PowerModuleMode.Off); // the unit restarts while unreachable
        _time.Advance(TimeSpan.FromMilliseconds(600));
        Assert.True((_driver.ReadStatus().Faults & PowerModuleFaults.CommunicationLost) != 0);

        _network.IsSilenced = false;
        _time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(PowerModuleFaults.None, _driver.ReadStatus().Faults);
        Assert.Equal(PowerModuleMode.Charge, _device.Module.ActualMode);
        Assert.Equal(25, _driver.ReadStatus().OutputCurrentAmperes, 1);
    }

    [Fact]
    public void Fault_status_bits_map_to_module_faults()
    {
        _device.FaultStatus = Bic2200Protocol.FaultOverTemperature | Bic2200Protocol.FaultAcFail;

        _time.Advance(TimeSpan.FromMilliseconds(200));

        Assert.Equal(PowerModuleFaults.OverTemperature | PowerModuleFaults.InputFault, _driver.ReadStatus().Faults);
    }

    [Fact]
    public void Setpoints_beyond_the_ratings_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _driver.SetSetpoint(new PowerModuleSetpoint(400, 10, 10)));

    public void Dispose()
    {
        _driver.Dispose();
        _device.Dispose();
    }
}
