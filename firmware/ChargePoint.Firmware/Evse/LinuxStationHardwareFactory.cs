using ChargePoint.Firmware.Configuration;
using ChargePoint.Firmware.Hosting;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Linux;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Evse;

/// <summary>
/// The board's hardware from section <c>Hardware</c> (<see cref="LinuxHardwareOptions"/>), with the pilot front end
/// of <c>Hal:PilotFrontEnd</c>. Opening validates the options against the running system first (one problem per
/// setting, with the fix); what can only fail when a device is opened (a pilot MCU that never answers, a tty that
/// refuses termios) becomes one startup message too.
/// </summary>
public sealed class LinuxStationHardwareFactory(IOptions<LinuxHardwareOptions> hardware, IOptions<HalOptions> hal, TimeProvider time) : IStationHardwareFactory
{
    public IStationHardware Open()
    {
        if (hal.Value.Driver == HalDriver.Simulated)
        {
            throw new StationStartupException("Hal:Driver is Simulated: the simulated station runs only with --simulate; set Hal:Driver to Linux on a board.");
        }

        try
        {
            return LinuxStationHardware.Open(BoardHardware.Effective(hardware.Value, hal.Value), time);
        }
        catch (HardwareConfigurationException e)
        {
            throw new StationStartupException(string.Join(" ", e.Problems.Select(p => p.ToString())), e);
        }
        catch (IOException e)
        {
            // DeviceIoException and friends: the message names the device and errno.
            throw new StationStartupException($"{LinuxHardwareOptions.SectionName}: a device could not be opened: {e.Message}", e);
        }
    }
}
