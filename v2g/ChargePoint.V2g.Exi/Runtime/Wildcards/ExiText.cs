namespace ChargePoint.V2g.Exi;

/// <summary>Character content (one EXI CH event with an untyped, string value).</summary>
public sealed class ExiText : ExiNode
{
    public ExiText(string value)
    {
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    public string Value { get; }

    public override string ToString() => Value;
}
