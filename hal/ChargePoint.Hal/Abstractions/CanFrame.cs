namespace ChargePoint.Hal.Abstractions;

/// <summary>A classic CAN 2.0 frame: an 11-bit or 29-bit identifier and up to 8 data bytes.</summary>
public readonly record struct CanFrame
{
    public const uint StandardIdMask = 0x7FF;
    public const uint ExtendedIdMask = 0x1FFF_FFFF;

    private readonly ulong _data;

    public CanFrame(uint id, bool isExtended, ReadOnlySpan<byte> data)
    {
        if (id > (isExtended ? ExtendedIdMask : StandardIdMask))
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, isExtended ? "Extended CAN identifiers have 29 bits." : "Standard CAN identifiers have 11 bits.");
        }

        if (data.Length > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(data), data.Length, "A classic CAN frame carries at most 8 data bytes.");
        }

        Id = id;
        IsExtended = isExtended;
        Length = (byte)data.Length;
        Span<byte> bytes = stackalloc byte[8];
        data.CopyTo(bytes);
        _data = BitConverter.ToUInt64(bytes);
    }

    public uint Id { get; }

    public bool IsExtended { get; }

    public byte Length { get; }

    public byte[] Data
    {
        get
        {
            var bytes = BitConverter.GetBytes(_data);
            return bytes[..Length];
        }
    }

    public override string ToString() => $"{(IsExtended ? Id.ToString("X8", System.Globalization.CultureInfo.InvariantCulture) : Id.ToString("X3", System.Globalization.CultureInfo.InvariantCulture))} [{Length}] {Convert.ToHexString(Data)}";
}
