namespace ChargePoint.V2g.Slac.Messages;

/// <summary>
/// HomePlug AV / Green PHY management message types (MMTYPE, little-endian on the wire). A type is a base value
/// with the two low bits giving the mode: REQ = 0, CNF = 1, IND = 2, RSP = 3.
/// </summary>
public static class MmeType
{
    public const ushort Request = 0;
    public const ushort Confirm = 1;
    public const ushort Indication = 2;
    public const ushort Response = 3;

    public const ushort SetKeyReq = 0x6008;
    public const ushort SetKeyCnf = 0x6009;
    public const ushort AmpMapReq = 0x601C;
    public const ushort AmpMapCnf = 0x601D;
    public const ushort SlacParmReq = 0x6064;
    public const ushort SlacParmCnf = 0x6065;
    public const ushort StartAttenCharInd = 0x606A;
    public const ushort AttenCharInd = 0x606E;
    public const ushort AttenCharRsp = 0x606F;
    public const ushort MnbcSoundInd = 0x6076;
    public const ushort ValidateReq = 0x6078;
    public const ushort ValidateCnf = 0x6079;
    public const ushort SlacMatchReq = 0x607C;
    public const ushort SlacMatchCnf = 0x607D;
    public const ushort AttenProfileInd = 0x6086;

    // Qualcomm Atheros vendor-specific MMEs (MMV 0, OUI 00:B0:52 first in the payload).
    public const ushort QcaSoftwareVersionReq = 0xA000;
    public const ushort QcaSoftwareVersionCnf = 0xA001;
    public const ushort QcaResetDeviceReq = 0xA01C;
    public const ushort QcaResetDeviceCnf = 0xA01D;
    public const ushort QcaLinkStatusReq = 0xA0B8;
    public const ushort QcaLinkStatusCnf = 0xA0B9;

    /// <summary>True for the vendor-specific range (category bits 0xA000), which has no fragmentation bytes.</summary>
    public static bool IsVendorSpecific(ushort type) => (type & 0xE000) == 0xA000;

    public static string Name(ushort type) => type switch
    {
        SetKeyReq => "CM_SET_KEY.REQ",
        SetKeyCnf => "CM_SET_KEY.CNF",
        AmpMapReq => "CM_AMP_MAP.REQ",
        AmpMapCnf => "CM_AMP_MAP.CNF",
        SlacParmReq => "CM_SLAC_PARM.REQ",
        SlacParmCnf => "CM_SLAC_PARM.CNF",
        StartAttenCharInd => "CM_START_ATTEN_CHAR.IND",
        AttenCharInd => "CM_ATTEN_CHAR.IND",
        AttenCharRsp => "CM_ATTEN_CHAR.RSP",
        MnbcSoundInd => "CM_MNBC_SOUND.IND",
        ValidateReq => "CM_VALIDATE.REQ",
        ValidateCnf => "CM_VALIDATE.CNF",
        SlacMatchReq => "CM_SLAC_MATCH.REQ",
        SlacMatchCnf => "CM_SLAC_MATCH.CNF",
        AttenProfileInd => "CM_ATTEN_PROFILE.IND",
        QcaSoftwareVersionReq => "VS_SW_VER.REQ",
        QcaSoftwareVersionCnf => "VS_SW_VER.CNF",
        QcaResetDeviceReq => "VS_RS_DEV.REQ",
        QcaResetDeviceCnf => "VS_RS_DEV.CNF",
        QcaLinkStatusReq => "VS_PL_LNK_STATUS.REQ",
        QcaLinkStatusCnf => "VS_PL_LNK_STATUS.CNF",
        _ => $"MMTYPE 0x{type:X4}",
    };
}
