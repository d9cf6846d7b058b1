using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Firmware.Evse;

/// <summary>Opens the station hardware of a board once, at start-up. The Linux drivers in production; tests of the
/// board composition substitute this one seam and keep everything else.</summary>
public interface IStationHardwareFactory
{
    /// <summary>Opens every device; a board that cannot be opened throws <see cref="Hosting.StationStartupException"/>
    /// naming the setting.</summary>
    IStationHardware Open();
}
