using System.Text.Json;
using ChargePoint.TestUtilities;
using ChargePoint.V2g.AppProtocol;
using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.Tests.Transport;

/// <summary>Every reference vector, framed with the payload type it was recorded under, reaches the grammar
/// that decodes it to the vector's root element.</summary>
public sealed class V2gtpGrammarRouterTests
{
    public static TheoryData<string, string, string, ushort, string> Vectors()
    {
        var data = new TheoryData<string, string, string, ushort, string>();
        var folder = RepositoryPaths.Combine("tests", "ChargePoint.V2g.Exi.Tests", "vectors", "exi");
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var vector in document.RootElement.EnumerateArray())
            {
                data.Add(
                    vector.GetProperty("name").GetString()!,
                    vector.GetProperty("schema").GetString()!,
                    vector.GetProperty("root").GetString()!,
                    Convert.ToUInt16(vector.GetProperty("v2gtpPayloadType").GetString()!, 16),
                    vector.GetProperty("exi").GetString()!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_is_decoded_by_the_grammar_its_payload_type_names(string name, string schema, string root, ushort payloadType, string exiHex)
    {
        var negotiated = NegotiatedFor(schema);

        var result = V2gtpGrammarRouter.Decode(new V2gtpMessage(payloadType, Convert.FromHexString(exiHex)), negotiated);

        Assert.True(result.Succeeded, $"{name}: {result.Error}");
        Assert.Equal(schema, result.Grammar!.Name);
        Assert.Equal(root, result.Grammar.RootName(result.Document!));
    }

    [Fact]
    public void Part20_message_before_supported_app_protocol_has_no_grammar() =>
        Assert.Null(V2gtpGrammarRouter.GrammarFor((ushort)V2gtpPayloadType.CommonMessages, negotiated: null));

    [Fact]
    public void Dc_payload_type_in_a_din_session_has_no_grammar() =>
        Assert.Null(V2gtpGrammarRouter.GrammarFor((ushort)V2gtpPayloadType.DcMessages, V2gApplicationProtocol.Din70121));

    [Fact]
    public void Garbage_exi_is_a_malformed_value_not_an_exception()
    {
        var result = V2gtpGrammarRouter.Decode(new V2gtpMessage(V2gtpPayloadType.DcMessages, new byte[] { 0xFF, 0xFF }), V2gApplicationProtocol.Iso20Dc);

        Assert.Equal(V2gDecodeError.MalformedExi, result.Error);
    }

    private static V2gApplicationProtocol? NegotiatedFor(string schema) => schema switch
    {
        "app-protocol" => null,
        "iso15118-2" => V2gApplicationProtocol.Iso2,
        "din70121" => V2gApplicationProtocol.Din70121,
        "iso15118-20-ac" => V2gApplicationProtocol.Iso20Ac,
        _ => V2gApplicationProtocol.Iso20Dc,
    };
}
