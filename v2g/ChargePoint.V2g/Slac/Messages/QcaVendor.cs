namespace ChargePoint.V2g.Slac.Messages;

/// <summary>The Qualcomm Atheros OUI that opens every QCA vendor-specific MME payload.</summary>
internal static class QcaVendor
{
    public const int OuiLength = 3;

    public static ReadOnlySpan<byte> Oui => [0x00, 0xB0, 0x52];

    public static void WriteOui(Span<byte> payload) => Oui.CopyTo(payload);

    public static bool HasOui(ReadOnlySpan<byte> payload) => payload.Length >= OuiLength && payload[..OuiLength].SequenceEqual(Oui);
}
