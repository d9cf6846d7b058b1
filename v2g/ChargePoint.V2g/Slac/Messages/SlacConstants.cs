namespace ChargePoint.V2g.Slac.Messages;

/// <summary>Fixed field values of ISO 15118-3 SLAC MMEs.</summary>
public static class SlacConstants
{
    /// <summary>APPLICATION_TYPE 0x00: PEV-EVSE matching.</summary>
    public const byte ApplicationPevEvseMatching = 0x00;

    /// <summary>SECURITY_TYPE 0x00: no security.</summary>
    public const byte SecurityNone = 0x00;

    /// <summary>RESP_TYPE 0x01: the sounding results go to another Green PHY station (the EVSE host).</summary>
    public const byte ResponseToOtherStation = 0x01;

    /// <summary>Number of attenuation groups (carrier groups) in ATTEN_PROFILE and ATTEN_CHAR.</summary>
    public const int AttenuationGroups = 58;

    public const int StationIdLength = 17;
    public const int NidLength = 7;
    public const int NmkLength = 16;

    /// <summary>MVFLength of CM_SLAC_MATCH.REQ and .CNF (little-endian on the wire).</summary>
    public const ushort MatchRequestVariableFieldLength = 0x003E;
    public const ushort MatchConfirmVariableFieldLength = 0x0056;
}
