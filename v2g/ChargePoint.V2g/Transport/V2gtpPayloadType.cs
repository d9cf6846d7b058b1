namespace ChargePoint.V2g.Transport;

/// <summary>
/// V2GTP payload types (ISO 15118-20 Table 12, ISO 15118-2 Table 10, DIN 70121 Table 16).
/// In -20 each EXI message set is its own grammar, so the payload type selects the decoder.
/// </summary>
public enum V2gtpPayloadType : ushort
{
    /// <summary>SupportedAppProtocol in -20; every V2G message in -2 and DIN 70121.</summary>
    SapOrLegacyExi = 0x8001,

    /// <summary>-20 CommonMessages (SessionSetup … SessionStop, ScheduleExchange, PowerDelivery, …).</summary>
    CommonMessages = 0x8002,

    /// <summary>-20 AC message set.</summary>
    AcMessages = 0x8003,

    /// <summary>-20 DC message set.</summary>
    DcMessages = 0x8004,

    /// <summary>-20 ACDP message set.</summary>
    AcdpMessages = 0x8005,

    /// <summary>-20 WPT message set.</summary>
    WptMessages = 0x8006,

    /// <summary>-20 multiplexed: schedule renegotiation.</summary>
    ScheduleRenegotiation = 0x8101,

    /// <summary>-20 multiplexed: metering confirmation.</summary>
    MeteringConfirmation = 0x8102,

    /// <summary>-20 multiplexed: ACDP system status.</summary>
    AcdpSystemStatus = 0x8103,

    /// <summary>-20 multiplexed: parking status.</summary>
    ParkingStatus = 0x8104,

    SdpRequest = 0x9000,
    SdpResponse = 0x9001,
    SdpRequestWireless = 0x9002,
    SdpResponseWireless = 0x9003,
}
