namespace ChargePoint.V2g.Exi;

/// <summary>
/// An element in wildcard or relaxed content whose qualified name the schema set declares, so EXI codes it
/// with that declaration's grammar (EXI 1.0 §8.5.4.1.7, §8.5.3). <see cref="Value"/> is the declaration's
/// model value: a generated message class, or a string, number, <see cref="System.Numerics.BigInteger"/> or
/// byte array for a simple type.
/// </summary>
public sealed class ExiTypedElement : ExiNode
{
    public ExiTypedElement(string ns, string localName, object value)
    {
        Namespace = ns ?? throw new ArgumentNullException(nameof(ns));
        LocalName = localName ?? throw new ArgumentNullException(nameof(localName));
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    public string Namespace { get; }

    public string LocalName { get; }

    public object Value { get; }

    public override string ToString() => "{" + Namespace + "}" + LocalName;
}
