namespace ChargePoint.V2g.Slac.Messages;

/// <summary>Management message versions (MMV). SLAC MMEs use AV 1.1; Qualcomm vendor MMEs use 0.</summary>
public static class MmeVersion
{
    public const byte HomePlugAv10 = 0x00;
    public const byte HomePlugAv11 = 0x01;
    public const byte HomePlugAv20 = 0x02;
}
