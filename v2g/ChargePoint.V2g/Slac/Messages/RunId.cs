using System.Buffers.Binary;
using System.Globalization;

namespace ChargePoint.V2g.Slac.Messages;

/// <summary>The 8-byte RunID the EV picks for one matching run (ISO 15118-3 A.9); identifies a session with the EV MAC.</summary>
public readonly record struct RunId(ulong Value)
{
    public const int Length = 8;

    public static RunId Read(ReadOnlySpan<byte> source) => new(BinaryPrimitives.ReadUInt64BigEndian(source));

    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt64BigEndian(destination, Value);

    public override string ToString() => Value.ToString("x16", CultureInfo.InvariantCulture);
}
