using System.Buffers.Binary;
using System.Text.Json;
using System.Xml.Linq;
using ChargePoint.Cli;
using ChargePoint.TestUtilities;

namespace ChargePoint.Firmware.Tests.Cli;

/// <summary>`cpdiag exi` against the reference vectors, through the real command tree (issue 3 CLI contract).</summary>
public sealed class ExiCommandTests
{
    private static readonly Lazy<List<JsonElement>> Vectors = new(() =>
        Directory.GetFiles(RepositoryPaths.Combine("tests", "ChargePoint.V2g.Exi.Tests", "vectors", "exi"), "*.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray().ToList())
            .ToList());

    public static IEnumerable<object[]> Names => Vectors.Value.Select(v => new object[] { v.GetProperty("name").GetString()! });

    private static JsonElement Vector(string name) => Vectors.Value.Single(v => v.GetProperty("name").GetString() == name);

    private static async Task<(int Exit, string Out, string Err)> Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, stdout, stderr, new StringReader(stdin));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task DecodePrintsXmlThatEncodesBackToTheVectorBytes(string name)
    {
        var vector = Vector(name);
        var schema = vector.GetProperty("schema").GetString()!;
        var hex = vector.GetProperty("exi").GetString()!;

        var decoded = await Run("", "exi", "decode", "--schema", schema, "--hex", hex);
        Assert.Equal((CliApplication.ExitOk, ""), (decoded.Exit, decoded.Err));
        Assert.Equal(vector.GetProperty("root").GetString(), XElement.Parse(decoded.Out).Name.LocalName);

        var encoded = await Run(decoded.Out, "exi", "encode", "--schema", schema);
        Assert.Equal(CliApplication.ExitOk, encoded.Exit);
        Assert.Equal(hex, encoded.Out.Trim());

        var fromVectorXml = await Run(vector.GetProperty("xml").GetString()!, "exi", "encode", "--schema", schema);
        Assert.Equal(hex, fromVectorXml.Out.Trim());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task DecodeAcceptsAWholeV2gtpFrame(string name)
    {
        var vector = Vector(name);
        var schema = vector.GetProperty("schema").GetString()!;
        var payload = Convert.FromHexString(vector.GetProperty("exi").GetString()!);
        var payloadType = Convert.ToUInt16(vector.GetProperty("v2gtpPayloadType").GetString()!, 16);
        var frame = new byte[8 + payload.Length];
        frame[0] = 0x01;
        frame[1] = 0xFE;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), payloadType);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        var hex = Convert.ToHexStringLower(frame);

        // 0x8001 is shared by SupportedAppProtocol, -2 and DIN: the schema must then be named.
        var args = payloadType == 0x8001
            ? new[] { "exi", "decode", "--v2gtp", "--hex", hex, "--schema", schema }
            : ["exi", "decode", "--v2gtp", "--hex", hex];
        var result = await Run("", args);
        Assert.Equal(CliApplication.ExitOk, result.Exit);
        Assert.Equal(vector.GetProperty("root").GetString(), XElement.Parse(result.Out).Name.LocalName);
    }

    [Fact]
    public async Task DecodeReadsAFile()
    {
        var vector = Vector("DC_ChargeLoopReq_DynamicBPT");
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, Convert.FromHexString(vector.GetProperty("exi").GetString()!));
            var result = await Run("", "exi", "decode", "--schema", "iso15118-20-dc", "--file", path);
            Assert.Equal(CliApplication.ExitOk, result.Exit);
            Assert.Contains("BPT_Dynamic_DC_CLReqControlMode", result.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("exi", "decode", "--schema", "iso15118-20-dc", "--hex", "zz")]
    [InlineData("exi", "decode", "--schema", "iso15118-20-dc", "--hex", "81")]
    [InlineData("exi", "decode", "--schema", "iso15118-20-dc", "--hex", "8034")]
    [InlineData("exi", "decode", "--schema", "no-such-set", "--hex", "80")]
    [InlineData("exi", "decode", "--schema", "iso15118-20-dc")]
    [InlineData("exi", "decode", "--v2gtp", "--hex", "01fe800100000001" + "80")]
    [InlineData("exi", "decode", "--v2gtp", "--hex", "01fe80040000000580")]
    [InlineData("exi", "encode", "--schema", "iso15118-20-dc")]
    [InlineData("exi", "bench", "--schema", "iso15118-20-dc", "--hex", "80", "--iterations", "1")]
    public async Task InvalidInputExitsWithTwoAndOneLineOnStderr(params string[] args)
    {
        var result = await Run("<not xml", args);
        Assert.Equal(CliApplication.ExitInvalidInput, result.Exit);
        Assert.Equal("", result.Out);
        Assert.Single(result.Err.TrimEnd().Split('\n'));
        Assert.StartsWith("cpdiag: ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EncodeRejectsAValueOutsideAFacet()
    {
        var xml = Vector("SupportedAppProtocolReq_DIN_only").GetProperty("xml").GetString()!.Replace("<Priority>1</Priority>", "<Priority>21</Priority>", StringComparison.Ordinal);
        var result = await Run(xml, "exi", "encode", "--schema", "app-protocol");
        Assert.Equal(CliApplication.ExitInvalidInput, result.Exit);
        Assert.Contains("Priority", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchPrintsOneJsonObjectWithTheContractFields()
    {
        var hex = Vector("DC_ChargeLoopReq_DynamicBPT").GetProperty("exi").GetString()!;
        var result = await Run("", "exi", "bench", "--schema", "iso15118-20-dc", "--hex", hex, "--iterations", "200", "--json");
        Assert.Equal(CliApplication.ExitOk, result.Exit);
        using var json = JsonDocument.Parse(result.Out);
        Assert.True(json.RootElement.GetProperty("encodeNs").GetDouble() > 0);
        Assert.True(json.RootElement.GetProperty("decodeNs").GetDouble() > 0);
        Assert.Equal(0, json.RootElement.GetProperty("encodeAllocatedBytes").GetInt64());
        Assert.True(json.RootElement.GetProperty("decodeAllocatedBytes").GetInt64() > 0);
    }

    /// <summary>An ISO 15118-2 message whose header signature has wildcard (KeyInfo, Object) and mixed (Transform) content.</summary>
    private const string SignedMessageWithWildcardContent = """
        <v2g:V2G_Message xmlns:v2g="urn:iso:15118:2:2013:MsgDef" xmlns:h="urn:iso:15118:2:2013:MsgHeader" xmlns:b="urn:iso:15118:2:2013:MsgBody" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
          <v2g:Header>
            <h:SessionID>0011223344556677</h:SessionID>
            <ds:Signature>
              <ds:SignedInfo>
                <ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/canonical-exi/"/>
                <ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/>
                <ds:Reference URI="#id1">
                  <ds:Transforms><ds:Transform Algorithm="urn:t">a<ds:XPath>/x</ds:XPath>b</ds:Transform></ds:Transforms>
                  <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
                  <ds:DigestValue>AAEC</ds:DigestValue>
                </ds:Reference>
              </ds:SignedInfo>
              <ds:SignatureValue>AQID</ds:SignatureValue>
              <ds:KeyInfo><ds:KeyName>k</ds:KeyName><e:Hint xmlns:e="urn:example:ext" n="1">t<e:Ref/></e:Hint></ds:KeyInfo>
              <ds:Object>x<ds:KeyName>typed</ds:KeyName></ds:Object>
            </ds:Signature>
          </v2g:Header>
          <v2g:Body><b:SessionStopReq><b:ChargingSession>Terminate</b:ChargingSession></b:SessionStopReq></v2g:Body>
        </v2g:V2G_Message>
        """;

    [Fact]
    public async Task EncodeAndDecodeHandleWildcardAndMixedContent()
    {
        var encoded = await Run(SignedMessageWithWildcardContent, "exi", "encode", "--schema", "iso15118-2");
        Assert.Equal((CliApplication.ExitOk, ""), (encoded.Exit, encoded.Err));
        var hex = encoded.Out.Trim();

        var decoded = await Run("", "exi", "decode", "--schema", "iso15118-2", "--hex", hex);
        Assert.Equal((CliApplication.ExitOk, ""), (decoded.Exit, decoded.Err));
        Assert.Contains("a<ds:XPath>/x</ds:XPath>b</ds:Transform>", decoded.Out, StringComparison.Ordinal);
        var hint = XElement.Parse(decoded.Out).Descendants(XName.Get("Hint", "urn:example:ext")).Single();
        Assert.Equal(("1", "t", "Ref"), ((string?)hint.Attribute("n"), ((XText)hint.FirstNode!).Value, ((XElement)hint.LastNode!).Name.LocalName));
        Assert.Contains("<ds:Object>x<ds:KeyName>typed</ds:KeyName></ds:Object>", decoded.Out, StringComparison.Ordinal);

        var again = await Run(decoded.Out, "exi", "encode", "--schema", "iso15118-2");
        Assert.Equal(hex, again.Out.Trim());
    }
}
