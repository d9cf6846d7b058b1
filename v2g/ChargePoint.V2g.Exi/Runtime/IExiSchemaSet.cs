namespace ChargePoint.V2g.Exi;

/// <summary>
/// A schema set's codec without its static types, for tools that pick the set at run time (cpdiag, tests).
/// Documents are the set's generated <c>...Document</c> class.
/// </summary>
public interface IExiSchemaSet
{
    /// <summary>Set name as used by the vectors and the CLI, e.g. <c>iso15118-20-dc</c>.</summary>
    string Name { get; }

    object Decode(ReadOnlySpan<byte> source);

    int Encode(object document, Span<byte> destination);

    string ToXml(object document);

    object FromXml(string xml);

    /// <summary>Local name of the document's root element.</summary>
    string RootName(object document);

    /// <summary>Number of root elements (global element declarations) of the set.</summary>
    int RootCount { get; }

    /// <summary>A random schema-valid document whose root has event code <paramref name="root"/>.</summary>
    object CreateSample(int root, Random random);
}
