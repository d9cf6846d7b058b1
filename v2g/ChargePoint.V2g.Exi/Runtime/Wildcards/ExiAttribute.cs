namespace ChargePoint.V2g.Exi;

/// <summary>An attribute of an <see cref="ExiElement"/>: qualified name and string value.</summary>
public sealed class ExiAttribute
{
    public ExiAttribute(string ns, string localName, string value)
    {
        Namespace = ns ?? throw new ArgumentNullException(nameof(ns));
        LocalName = localName ?? throw new ArgumentNullException(nameof(localName));
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The namespace URI; empty for an unqualified attribute.</summary>
    public string Namespace { get; }

    public string LocalName { get; }

    public string Value { get; }
}
