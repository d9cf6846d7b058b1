using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Pilot;
using ChargePoint.Hal.Safety;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Hal;

/// <summary>
/// The HAL's control layer for one EVSE, composed over any <see cref="IStationHardware"/> (Linux or simulated):
/// the power path, the safety supervisor and the IEC 61851-1 pilot controller, wired so that every fault reaches
/// the safe state and every pilot reaction meets its deadline. The firmware builds one per EVSE.
/// </summary>
public sealed class StationControl : IDisposable
{
    public StationControl(IStationHardware hardware, TimeProvider time, PilotOptions? pilotOptions = null, SafetyOptions? safetyOptions = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        ArgumentNullException.ThrowIfNull(time);
        loggerFactory ??= NullLoggerFactory.Instance;
        safetyOptions ??= new SafetyOptions();
        Hardware = hardware;
        PowerPath = new PowerPath(hardware.Contactors, hardware.PowerModule, time, safetyOptions);
        Safety = new SafetySupervisor(hardware, PowerPath, time, safetyOptions, loggerFactory.CreateLogger<SafetySupervisor>());
        Pilot = new PilotController(hardware.ControlPilot, PowerPath, Safety, time, pilotOptions ?? new PilotOptions(), loggerFactory.CreateLogger<PilotController>());
    }

    public IStationHardware Hardware { get; }

    public PowerPath PowerPath { get; }

    public SafetySupervisor Safety { get; }

    public PilotController Pilot { get; }

    /// <summary>Starts safety polling first, then the pilot (which begins in X1, or F if a fault is latched).</summary>
    public void Start()
    {
        Safety.Start();
        Pilot.Start();
    }

    public void Dispose()
    {
        Pilot.Dispose();
        Safety.Dispose();
        PowerPath.Dispose();
    }
}
