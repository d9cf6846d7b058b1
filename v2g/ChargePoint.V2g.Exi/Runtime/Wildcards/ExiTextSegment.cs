namespace ChargePoint.V2g.Exi;

/// <summary>
/// Character content of a typed element whose complex type is mixed (<c>mixed="true"</c>; EXI 1.0
/// §8.5.4.1.3.2 CH [untyped value]). <see cref="Position"/> is the number of child elements that precede it.
/// </summary>
public sealed class ExiTextSegment
{
    public ExiTextSegment(int position, string value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        Position = position;
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    public int Position { get; }

    public string Value { get; }
}
