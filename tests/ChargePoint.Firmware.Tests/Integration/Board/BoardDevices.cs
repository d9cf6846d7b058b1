using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Drivers.MeanWell;
using ChargePoint.Hal.Linux.Serial;
using ChargePoint.Hal.Simulated;
using ChargePoint.TestUtilities.Netns;
using ChargePoint.TestUtilities.Pki;

namespace ChargePoint.Firmware.Tests.Integration.Board;

/// <summary>
/// The devices of a pilot-MCU board, simulated in the test process behind real pseudo-terminals: the pilot MCU
/// (PROTOCOL.md) with a simulated vehicle on its pilot, the SDM630 meter on Modbus RTU, and a serial-line USB-CAN
/// adapter with a BIC-2200 behind it. The firmware process opens the secondary sides exactly like UARTs. The
/// vehicle's battery, the power flow through the MCU's contactors and the meter's registers are real physics here.
/// </summary>
internal sealed class BoardDevices : IDisposable
{
    /// <summary>A 48 V class battery: what a BIC-2200 (38–65 V) can charge.</summary>
    public const double BatteryMinVolts = 44;
    public const double BatteryMaxVolts = 56;

    private readonly List<IDisposable> _owned = [];
    private readonly ITimer _meterClock;

    public BoardDevices()
    {
        var time = TimeProvider.System;
        Ev = new SimulatedEv(new SimulatedBattery(5_000, 50, BatteryMinVolts, BatteryMaxVolts, 0.02));
        var pilot = Own(PseudoTerminal.Open());
        Mcu = Own(new SimulatedPilotMcu(pilot.Primary, new SimulatedControlPilot(Ev), new SimulatedProximityPilot(Ev), time, TimeSpan.FromSeconds(1)));
        PilotMcuDevice = pilot.SecondaryPath;

        PowerModule = new SimulatedPowerModule(time, new SimulatedPowerModuleOptions { Capabilities = new Bic2200Options().Capabilities }, () => Ev.IsPluggedIn && Mcu.ContactorsClosed == 0b11 ? Ev.Battery : null);
        var can = new InMemoryCanNetwork();
        Own(new SimulatedBic2200Device(can.CreateEndpoint(), 0, PowerModule, time));
        var adapter = Own(PseudoTerminal.Open());
        CanAdapter = Own(new SimulatedSerialLineCanAdapter(adapter.Primary, can.CreateEndpoint()));
        CanAdapterDevice = adapter.SecondaryPath;

        Meter = new SimulatedEnergyMeter(time, () => (PowerModule.ActualVoltageVolts, PowerModule.ActualCurrentAmperes));
        var step = TimeSpan.FromMilliseconds(50);
        _meterClock = time.CreateTimer(_ => Meter.Step(step), null, step, step);
        var meter = Own(PseudoTerminal.Open());
        Own(new SimulatedSdm630Device(meter.Primary, 1, () => new MeterReading(
            time.GetUtcNow(), Meter.ImportedEnergyWattHours, Meter.ExportedEnergyWattHours,
            PowerModule.ActualVoltageVolts * PowerModule.ActualCurrentAmperes, PowerModule.ActualVoltageVolts, PowerModule.ActualCurrentAmperes)));
        MeterDevice = meter.SecondaryPath;
    }

    public SimulatedEv Ev { get; }

    public SimulatedPilotMcu Mcu { get; }

    public SimulatedPowerModule PowerModule { get; }

    public SimulatedSerialLineCanAdapter CanAdapter { get; }

    public SimulatedEnergyMeter Meter { get; }

    public string PilotMcuDevice { get; }

    public string MeterDevice { get; }

    public string CanAdapterDevice { get; }

    /// <summary>The <c>Hal</c> and <c>Hardware</c> settings of this board (ratings within the BIC-2200's).</summary>
    public IEnumerable<string> Settings() =>
    [
        "--Hal:Driver=Linux",
        "--Hal:PilotFrontEnd=Mcu",
        "--Hal:MaxChargePowerWatts=2000",
        "--Hal:MaxDischargePowerWatts=2000",
        "--Hal:MaxChargeCurrentAmperes=40",
        "--Hal:MaxDischargeCurrentAmperes=35",
        "--Hal:MinOutputVoltageVolts=40",
        "--Hal:MaxOutputVoltageVolts=60",
        "--Hal:CableMaxCurrentAmperes=63",
        $"--Hardware:PilotMcuSerial:Device={PilotMcuDevice}",
        "--Hardware:PilotMcuSerial:BaudRate=115200",

        // Status frames come from a thread of this (busy) test process: a 100 ms gap would read as a broken link,
        // which the front end treats like a pressed emergency stop. The link timing itself is tested in the HAL.
        "--Hardware:PilotMcu:StatusTimeout=00:00:01",
        $"--Hardware:MeterSerial:Device={MeterDevice}",
        "--Hardware:MeterSerial:BaudRate=19200",
        "--Hardware:MeterSerial:Rs485=false", // a pty has no RS-485 direction control
        $"--Hardware:PowerModuleSerialCan:Device={CanAdapterDevice}",
        "--Hardware:PowerModuleSerialCan:BaudRate=115200",
        "--Hardware:WatchdogDevice=", // no /dev/watchdog on this machine; the MCU heartbeat is the backstop
    ];

    /// <summary>A whole board-mode command line: these devices, the V2G stack on the veth end with <paramref name="pem"/>,
    /// state and the diagnostics socket in <paramref name="folder"/>.</summary>
    public IEnumerable<string> StationArguments(string folder, SeccPemFiles pem) =>
    [
        .. Settings(),
        $"--V2g:Interface={NetworkNamespacePair.SeccInterface}",
        "--V2g:ControlMode=dynamic",
        $"--V2g:Tls:CertificateChain={pem.CertificateChain}",
        $"--V2g:Tls:PrivateKey={pem.PrivateKey}",
        $"--Storage:Path={Path.Combine(folder, "state")}",
        $"--Diagnostics:Socket={Path.Combine(folder, "diag.sock")}",
        "--Diagnostics:Group=",
    ];

    public void Dispose()
    {
        _meterClock.Dispose();
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
