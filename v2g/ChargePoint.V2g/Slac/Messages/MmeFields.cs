namespace ChargePoint.V2g.Slac.Messages;

/// <summary>Helpers for fixed-size byte fields (station IDs, keys, attenuation groups).</summary>
internal static class MmeFields
{
    /// <summary>Copies <paramref name="value"/> (or zeros when null) into a field of exactly <paramref name="length"/> bytes.</summary>
    public static void Write(Span<byte> destination, byte[]? value, int length)
    {
        var field = destination[..length];
        field.Clear();
        if (value is not null)
        {
            if (value.Length != length)
            {
                throw new ArgumentException($"Field needs exactly {length} bytes, got {value.Length}.", nameof(value));
            }

            value.CopyTo(field);
        }
    }

    public static byte[] Read(ReadOnlySpan<byte> source, int offset, int length) => source.Slice(offset, length).ToArray();

    public static bool IsAllZero(byte[]? value) => value is null || !value.AsSpan().ContainsAnyExcept((byte)0);
}
