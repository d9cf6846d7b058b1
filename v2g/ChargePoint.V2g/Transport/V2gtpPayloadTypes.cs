namespace ChargePoint.V2g.Transport;

/// <summary>Classification of payload types carried on the V2G TCP/TLS connection.</summary>
public static class V2gtpPayloadTypes
{
    /// <summary>First manufacturer-specific payload type; 0xA000–0xFFFF are left to vendors.</summary>
    public const ushort ManufacturerSpecificFirst = 0xA000;

    /// <summary>True for payload types a -20 SECC accepts on its TCP/TLS connection: the EXI message
    /// sets and the multiplexed messages. SDP types belong on UDP only; reserved values are unknown.</summary>
    public static bool IsKnownOnConnection(ushort payloadType) => payloadType switch
    {
        >= (ushort)V2gtpPayloadType.SapOrLegacyExi and <= (ushort)V2gtpPayloadType.WptMessages => true,
        >= (ushort)V2gtpPayloadType.ScheduleRenegotiation and <= (ushort)V2gtpPayloadType.ParkingStatus => true,
        _ => false,
    };

    public static bool IsManufacturerSpecific(ushort payloadType) => payloadType >= ManufacturerSpecificFirst;
}
