namespace ChargePoint.V2g.Exi;

/// <summary>
/// The {namespace constraint} of an <c>xs:any</c> wildcard. EXI codes both forms the vendored schemas use with
/// SE(*) (EXI 1.0 §8.5.4.1.7); the codec still enforces them so a model never leaves its schema. <c>##any</c> is
/// passed as null; <c>##other</c> as the schema's target namespace, which, like no namespace, it excludes
/// (XML Schema 1.0 second edition §3.10.4).
/// </summary>
internal static class ExiNamespaceConstraint
{
    public static bool Admits(string ns, string? otherThan) =>
        otherThan is null || (ns.Length > 0 && !string.Equals(ns, otherThan, StringComparison.Ordinal));

    public static void Check(string ns, string localName, string? otherThan)
    {
        if (!Admits(ns, otherThan))
        {
            throw new ExiException($"Element {{{ns}}}{localName} is not admitted by a wildcard for namespaces other than {otherThan}.");
        }
    }
}
