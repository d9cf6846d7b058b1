namespace ChargePoint.V2g.Transport;

/// <summary>The SECC's V2G TCP/TLS port is a dynamic port 49152–65535, announced in the SDP response.</summary>
public static class DynamicPortRange
{
    public const int First = 49152;
    public const int Last = 65535;

    public static bool Contains(int port) => port is >= First and <= Last;

    public static int Pick() => Random.Shared.Next(First, Last + 1);
}
