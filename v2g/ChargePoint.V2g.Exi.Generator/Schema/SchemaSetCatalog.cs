using System.Collections.Generic;

namespace ChargePoint.V2g.Exi.Generator.Schema;

/// <summary>One EXI schema set: the main XSD (imports are followed) and the names of its generated codec.</summary>
internal sealed class SchemaSetDefinition
{
    public SchemaSetDefinition(string name, string mainFile, string codecNamespace, string codecName, bool isFragment = false)
    {
        Name = name;
        MainFile = mainFile;
        CodecNamespace = codecNamespace;
        CodecName = codecName;
        IsFragment = isFragment;
    }

    /// <summary>The set name used by the vectors and the CLI (e.g. <c>iso15118-20-dc</c>).</summary>
    public string Name { get; }

    /// <summary>Path relative to v2g/schemas, forward slashes.</summary>
    public string MainFile { get; }

    public string CodecNamespace { get; }

    public string CodecName { get; }

    /// <summary>True for a fragment grammar (EXI 1.0 §8.4.2) rather than a document grammar.</summary>
    public bool IsFragment { get; }
}

/// <summary>
/// The fixed part of the generator's input: which XSD is the root of which set, and which C# namespace each
/// XML namespace maps to. Everything else (types, grammars, facets) comes from the XSDs.
/// </summary>
internal static class SchemaSetCatalog
{
    private const string Root = "ChargePoint.V2g.Exi";

    public static readonly SchemaSetDefinition[] Sets =
    {
        new SchemaSetDefinition("app-protocol", "app-protocol/V2G_CI_AppProtocol.xsd", Root + ".AppProtocol", "AppProtocolCodec"),
        new SchemaSetDefinition("iso15118-20-common", "iso15118-20/V2G_CI_CommonMessages.xsd", Root + ".Iso20.CommonMessages", "Iso20CommonCodec"),
        new SchemaSetDefinition("iso15118-20-dc", "iso15118-20/V2G_CI_DC.xsd", Root + ".Iso20.Dc", "Iso20DcCodec"),
        new SchemaSetDefinition("iso15118-20-ac", "iso15118-20/V2G_CI_AC.xsd", Root + ".Iso20.Ac", "Iso20AcCodec"),
        new SchemaSetDefinition("iso15118-20-acdp", "iso15118-20/V2G_CI_ACDP.xsd", Root + ".Iso20.Acdp", "Iso20AcdpCodec"),
        new SchemaSetDefinition("iso15118-20-wpt", "iso15118-20/V2G_CI_WPT.xsd", Root + ".Iso20.Wpt", "Iso20WptCodec"),
        new SchemaSetDefinition("iso15118-2", "iso15118-2/V2G_CI_MsgDef.xsd", Root + ".Iso2", "Iso2Codec"),
        new SchemaSetDefinition("din70121", "din70121/V2G_CI_MsgDef.xsd", Root + ".Din", "Din70121Codec"),
        new SchemaSetDefinition("xmldsig-fragment", "xmldsig-core-schema.xsd", Root + ".XmlDsig", "XmlDsigFragmentCodec", isFragment: true),
        new SchemaSetDefinition("iso15118-20-common-fragment", "iso15118-20/V2G_CI_CommonMessages.xsd", Root + ".Iso20.CommonMessages", "Iso20CommonFragmentCodec", isFragment: true),
        new SchemaSetDefinition("iso15118-2-fragment", "iso15118-2/V2G_CI_MsgDef.xsd", Root + ".Iso2", "Iso2FragmentCodec", isFragment: true),
    };

    public static readonly Dictionary<string, string> CsNamespaces = new Dictionary<string, string>
    {
        ["urn:iso:15118:2:2010:AppProtocol"] = Root + ".AppProtocol",
        ["urn:iso:std:iso:15118:-20:CommonTypes"] = Root + ".Iso20",
        ["urn:iso:std:iso:15118:-20:CommonMessages"] = Root + ".Iso20.CommonMessages",
        ["urn:iso:std:iso:15118:-20:DC"] = Root + ".Iso20.Dc",
        ["urn:iso:std:iso:15118:-20:AC"] = Root + ".Iso20.Ac",
        ["urn:iso:std:iso:15118:-20:ACDP"] = Root + ".Iso20.Acdp",
        ["urn:iso:std:iso:15118:-20:WPT"] = Root + ".Iso20.Wpt",
        ["http://www.w3.org/2000/09/xmldsig#"] = Root + ".XmlDsig",
        ["urn:iso:15118:2:2013:MsgDef"] = Root + ".Iso2",
        ["urn:iso:15118:2:2013:MsgHeader"] = Root + ".Iso2",
        ["urn:iso:15118:2:2013:MsgBody"] = Root + ".Iso2",
        ["urn:iso:15118:2:2013:MsgDataTypes"] = Root + ".Iso2",
        ["urn:din:70121:2012:MsgDef"] = Root + ".Din",
        ["urn:din:70121:2012:MsgHeader"] = Root + ".Din",
        ["urn:din:70121:2012:MsgBody"] = Root + ".Din",
        ["urn:din:70121:2012:MsgDataTypes"] = Root + ".Din",
    };

    /// <summary>Prefixes the XML bridge declares so rendered XML stays readable.</summary>
    public static readonly Dictionary<string, string> XmlPrefixes = new Dictionary<string, string>
    {
        ["urn:iso:std:iso:15118:-20:CommonTypes"] = "ct",
        ["urn:iso:std:iso:15118:-20:CommonMessages"] = "cm",
        ["urn:iso:std:iso:15118:-20:DC"] = "dc",
        ["urn:iso:std:iso:15118:-20:AC"] = "ac",
        ["urn:iso:std:iso:15118:-20:ACDP"] = "acdp",
        ["urn:iso:std:iso:15118:-20:WPT"] = "wpt",
        ["http://www.w3.org/2000/09/xmldsig#"] = "ds",
        ["urn:iso:15118:2:2013:MsgDef"] = "v2g",
        ["urn:iso:15118:2:2013:MsgHeader"] = "h",
        ["urn:iso:15118:2:2013:MsgBody"] = "b",
        ["urn:iso:15118:2:2013:MsgDataTypes"] = "t",
        ["urn:din:70121:2012:MsgDef"] = "v2g",
        ["urn:din:70121:2012:MsgHeader"] = "h",
        ["urn:din:70121:2012:MsgBody"] = "b",
        ["urn:din:70121:2012:MsgDataTypes"] = "t",
        ["urn:iso:15118:2:2010:AppProtocol"] = "app",
    };
}
