namespace ChargePoint.Ocpp.DeviceModel;

/// <summary>The physical make-up the device model is declared from.</summary>
public sealed record StationLayout(
    string Model,
    string VendorName,
    string? SerialNumber,
    string? FirmwareVersion,
    int EvseCount,
    int ConnectorsPerEvse,
    double MaxPowerW,
    double MaxDischargePowerW,
    string ConnectorType)
{
    /// <summary>The station `chargepoint --simulate` boots: one bidirectional DC EVSE with one CCS2 connector.</summary>
    public static StationLayout BidirectionalDc(string? serialNumber = null, string? firmwareVersion = null) =>
        new("CP-V2G-DC", "ChargePoint", serialNumber, firmwareVersion, 1, 1, 22_000, 22_000, "cCCS2");
}
