using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Simulated;

namespace ChargePoint.Hal.Tests.Simulated;

public sealed class SimulatedStationPhysicsTests
{
    [Fact]
    public void Charging_fills_the_import_register_and_the_battery()
    {
        using var station = new StationFixture();
        var socBefore = station.Hardware.Ev.Battery.StateOfChargePercent;
        station.StartCharging(chargeAmperes: 100);
        var importBefore = station.Hardware.EnergyMeter.ImportedEnergyWattHours;

        station.Advance(TimeSpan.FromSeconds(36));

        var voltage = station.Hardware.PowerModule.ActualVoltageVolts;
        var expectedWh = voltage * 100 * 36 / 3600.0;
        var imported = station.Hardware.EnergyMeter.ImportedEnergyWattHours - importBefore;
        Assert.InRange(imported, expectedWh * 0.97, expectedWh * 1.03);
        Assert.Equal(0, station.Hardware.EnergyMeter.ExportedEnergyWattHours);
        Assert.True(station.Hardware.Ev.Battery.StateOfChargePercent > socBefore);
        Assert.True(voltage > station.Hardware.Ev.Battery.OpenCircuitVoltageVolts, "terminal voltage rises while charging");
    }

    [Fact]
    public async Task Discharging_reverses_the_flow_into_the_export_register()
    {
        using var station = new StationFixture();
        station.StartCharging(chargeAmperes: 50);
        var module = station.Hardware.PowerModule;
        var importBefore = station.Hardware.EnergyMeter.ImportedEnergyWattHours;
        var socBefore = station.Hardware.Ev.Battery.StateOfChargePercent;

        module.SetSetpoint(new PowerModuleSetpoint(300, 0, 80));
        module.SetMode(PowerModuleMode.Discharge);
        var ramp = station.AdvanceUntil(() => module.ActualCurrentAmperes <= -79.5, TimeSpan.FromSeconds(5), "discharge ramp");
        station.Advance(TimeSpan.FromSeconds(30));

        Assert.True(ramp >= TimeSpan.FromMilliseconds(350), $"current must ramp (200 A/s), took {ramp.TotalMilliseconds} ms");
        Assert.Equal(-80, module.ReadStatus().OutputCurrentAmperes, 3);
        Assert.True(station.Hardware.EnergyMeter.ExportedEnergyWattHours > 150);
        Assert.True(station.Hardware.Ev.Battery.StateOfChargePercent < socBefore);
        var reading = (await station.Hardware.EnergyMeter.ReadAsync()).Reading!.Value;
        Assert.True(reading.PowerWatts < 0);
        Assert.True(reading.ImportedEnergyWattHours >= importBefore, "registers never run backwards");
    }

    [Fact]
    public void Current_stays_within_the_setpoint_limit_and_the_module_power_rating()
    {
        using var station = new StationFixture();
        station.StartCharging(chargeAmperes: 50);
        var module = station.Hardware.PowerModule;

        module.SetSetpoint(new PowerModuleSetpoint(450, 500, 0));
        station.Advance(TimeSpan.FromSeconds(3));

        var status = module.ReadStatus();
        Assert.InRange(status.OutputPowerWatts, 55_000, module.Capabilities.MaxChargePowerWatts * 1.02);
    }

    [Fact]
    public void With_open_contactors_the_module_regulates_voltage_without_current()
    {
        using var station = new StationFixture();
        var module = station.Hardware.PowerModule;

        module.SetSetpoint(new PowerModuleSetpoint(500, 2, 0));
        module.SetMode(PowerModuleMode.ConstantVoltage);
        station.Advance(TimeSpan.FromSeconds(1.2));

        Assert.Equal(500, module.ReadStatus().OutputVoltageVolts, 3);
        Assert.Equal(0, module.ReadStatus().OutputCurrentAmperes);
    }

    [Fact]
    public void Battery_voltage_follows_its_curve_from_empty_to_full()
    {
        var battery = new SimulatedBattery(minVoltageVolts: 300, maxVoltageVolts: 400);

        Assert.Equal(300, battery.OpenCircuitVoltageAt(0), 6);
        Assert.Equal(400, battery.OpenCircuitVoltageAt(100), 6);
        var previous = 0.0;
        for (var soc = 0; soc <= 100; soc += 5)
        {
            var volts = battery.OpenCircuitVoltageAt(soc);
            Assert.True(volts > previous, $"curve must rise monotonically at {soc} %");
            previous = volts;
        }
    }
}
