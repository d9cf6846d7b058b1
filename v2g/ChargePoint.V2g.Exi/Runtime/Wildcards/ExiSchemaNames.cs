namespace ChargePoint.V2g.Exi;

/// <summary>
/// The pre-populated URI and local-name partitions of the string table of a schema-informed stream (EXI 1.0
/// Appendix D, §7.3.1): "", the XML namespace, XML Schema instance and XML Schema, then every target namespace of
/// the schema set in lexicographical order; each local-name partition holds the sorted names of the attributes,
/// elements and types declared in its namespace.
/// </summary>
internal sealed class ExiSchemaNames
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    private const string XsdNamespace = "http://www.w3.org/2001/XMLSchema";

    // Table D-4 and D-5 (already in code-point order).
    private static readonly string[] XmlNames = ["base", "id", "lang", "space"];
    private static readonly string[] XsiNames = ["nil", "type"];
    private static readonly string[] XsdNames =
    [
        "ENTITIES", "ENTITY", "ID", "IDREF", "IDREFS", "NCName", "NMTOKEN", "NMTOKENS", "NOTATION", "Name", "QName",
        "anySimpleType", "anyType", "anyURI", "base64Binary", "boolean", "byte", "date", "dateTime", "decimal", "double",
        "duration", "float", "gDay", "gMonth", "gMonthDay", "gYear", "gYearMonth", "hexBinary", "int", "integer",
        "language", "long", "negativeInteger", "nonNegativeInteger", "nonPositiveInteger", "normalizedString",
        "positiveInteger", "short", "string", "time", "token", "unsignedByte", "unsignedInt", "unsignedLong",
        "unsignedShort",
    ];

    /// <param name="unqualifiedNames">Sorted local names of the set's unqualified attributes and elements (URI "").</param>
    /// <param name="namespaces">The set's target namespaces in lexicographical order.</param>
    /// <param name="namespaceNames">For each of <paramref name="namespaces"/>, its sorted local names.</param>
    public ExiSchemaNames(string[] unqualifiedNames, string[] namespaces, string[][] namespaceNames)
    {
        Uris = ["", XmlNamespace, XsiNamespace, XsdNamespace, .. namespaces];
        LocalNames = [unqualifiedNames, XmlNames, XsiNames, XsdNames, .. namespaceNames];
    }

    public string[] Uris { get; }

    /// <summary>For each entry of <see cref="Uris"/>, its local names in code-point order.</summary>
    public string[][] LocalNames { get; }

    public const int XsiUri = 2;
}
