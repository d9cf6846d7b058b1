using System.Net.Security;
using System.Security.Authentication;
using ChargePoint.V2g.AppProtocol;
using ChargePoint.V2g.Exi.AppProtocol;
using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.Tests.AppProtocol;

public sealed class AppProtocolNegotiatorTests
{
    private static readonly V2gTransportSecurity Tls13 = new() { IsTls = true, Protocol = SslProtocols.Tls13, CipherSuite = TlsCipherSuite.TLS_AES_256_GCM_SHA384 };
    private static readonly V2gTransportSecurity Tls12 = new() { IsTls = true, Protocol = SslProtocols.Tls12 };

    [Fact]
    public void Picks_the_evs_highest_priority_supported_entry_and_encodes_the_reference_response()
    {
        var request = AppProtocolCodec.DecodesupportedAppProtocolReq(AppProtocolVectors.Bytes("SupportedAppProtocolReq_20DC_20AC_2_DIN"));

        var result = AppProtocolNegotiator.Negotiate(request, V2gApplicationProtocols.Iso20Conductive, Tls13);

        Assert.Equal(V2gApplicationProtocol.Iso20Dc, result.Selected?.Protocol);
        Assert.Equal(responseCodeType.OK_SuccessfulNegotiation, result.Response.ResponseCode);
        Assert.Equal((byte)1, result.Response.SchemaID);
        Assert.Equal(AppProtocolVectors.Bytes("SupportedAppProtocolRes_OK"), Encode(result.Response));
    }

    [Fact]
    public void Priority_decides_not_the_listing_order()
    {
        var request = Request(
            Entry(V2gApplicationProtocols.Iso20DcNamespace, 1, 0, schemaId: 1, priority: 2),
            Entry(V2gApplicationProtocols.Iso20AcNamespace, 1, 0, schemaId: 2, priority: 1));

        var result = AppProtocolNegotiator.Negotiate(request, V2gApplicationProtocols.Iso20Conductive, Tls13);

        Assert.Equal(V2gApplicationProtocol.Iso20Ac, result.Selected?.Protocol);
        Assert.Equal((byte)2, result.SchemaId);
    }

    [Fact]
    public void Ac_first_offer_from_the_vector_selects_ac_with_its_schema_id()
    {
        var request = AppProtocolCodec.DecodesupportedAppProtocolReq(AppProtocolVectors.Bytes("SupportedAppProtocolReq_20AC_then_2"));

        var result = AppProtocolNegotiator.Negotiate(request, V2gApplicationProtocols.Iso20Conductive, Tls13);

        Assert.Equal(V2gApplicationProtocol.Iso20Ac, result.Selected?.Protocol);
        Assert.Equal((byte)10, result.SchemaId);
    }

    [Fact]
    public void Unknown_proprietary_namespace_at_priority_one_is_skipped()
    {
        var request = Request(
            Entry("urn:vendor:proprietary:charging:1", 1, 0, schemaId: 7, priority: 1),
            Entry(V2gApplicationProtocols.Iso20DcNamespace, 1, 0, schemaId: 8, priority: 2));

        var result = AppProtocolNegotiator.Negotiate(request, V2gApplicationProtocols.Iso20Conductive, Tls13);

        Assert.Equal(V2gApplicationProtocol.Iso20Dc, result.Selected?.Protocol);
        Assert.Equal((byte)8, result.SchemaId);
    }

    [Fact]
    public void Different_minor_version_selects_with_minor_deviation_and_matches_the_reference_bytes()
    {
        var request = Request(Entry(V2gApplicationProtocols.Iso20DcNamespace, 1, 3, schemaId: 3, priority: 1));

        var result = AppProtocolNegotiator.Negotiate(request, V2gApplicationProtocols.Iso20Conductive, Tls13);

        Assert.Equal(responseCodeType.OK_SuccessfulNegotiationWithMinorDeviation, result.Response.ResponseCode);
        Assert.Equal(AppProtocolVectors.Bytes("SupportedAppProtocolRes_MinorDeviation"), Encode(result.Response));
    }

    [Fact]
    public void Different_major_version_is_not_supported()
    {
        var request = Request(Entry(V2gApplicationProtocols.Iso20DcNamespace, 2, 0, schemaId: 1, priority: 1));

        var result = AppProtocolNegotiator.Negotiate(request, V2gApplicationProtocols.Iso20Conductive, Tls13);

        Assert.False(result.Succeeded);
        Assert.Equal(responseCodeType.Failed_NoNegotiation, result.Response.ResponseCode);
    }

    [Fact]
    public void Din_only_ev_gets_failed_no_negotiation_without_schema_id_until_din_exists()
    {
        var request = AppProtocolCodec.DecodesupportedAppProtocolReq(AppProtocolVectors.Bytes("SupportedAppProtocolReq_DIN_only"));

        var result = AppProtocolNegotiator.Negotiate(request, V2gApplicationProtocols.Iso20Conductive, Tls13);

        Assert.False(result.Succeeded);
        Assert.Equal(responseCodeType.Failed_NoNegotiation, result.Response.ResponseCode);
        Assert.Null(result.Response.SchemaID);
        var decoded = AppProtocolCodec.DecodesupportedAppProtocolRes(Encode(result.Response));
        Assert.Equal(responseCodeType.Failed_NoNegotiation, decoded.ResponseCode);
        Assert.Null(decoded.SchemaID);
    }

    [Fact]
    public void Part20_is_never_selected_on_tls12_or_plain_tcp()
    {
        var request = AppProtocolCodec.DecodesupportedAppProtocolReq(AppProtocolVectors.Bytes("SupportedAppProtocolReq_20DC_20AC_2_DIN"));

        Assert.False(AppProtocolNegotiator.Negotiate(request, V2gApplicationProtocols.Iso20Conductive, Tls12).Succeeded);
        Assert.False(AppProtocolNegotiator.Negotiate(request, V2gApplicationProtocols.Iso20Conductive, V2gTransportSecurity.PlainTcp).Succeeded);
    }

    [Fact]
    public void On_tls12_a_supported_part2_entry_further_down_is_chosen()
    {
        var request = AppProtocolCodec.DecodesupportedAppProtocolReq(AppProtocolVectors.Bytes("SupportedAppProtocolReq_20DC_20AC_2_DIN"));
        SupportedAppProtocol[] supported = [.. V2gApplicationProtocols.Iso20Conductive, new(V2gApplicationProtocol.Iso2, V2gApplicationProtocols.Iso2Namespace, 2, 0)];

        var result = AppProtocolNegotiator.Negotiate(request, supported, Tls12);

        Assert.Equal(V2gApplicationProtocol.Iso2, result.Selected?.Protocol);
        Assert.Equal((byte)3, result.SchemaId);
    }

    internal static byte[] Encode(supportedAppProtocolResType response)
    {
        var buffer = new byte[64];
        return buffer[..AppProtocolCodec.Encode(response, buffer)];
    }

    private static supportedAppProtocolReqType Request(params AppProtocolType[] entries)
    {
        var request = new supportedAppProtocolReqType();
        request.AppProtocol.AddRange(entries);
        return request;
    }

    private static AppProtocolType Entry(string ns, uint major, uint minor, byte schemaId, byte priority) => new()
    {
        ProtocolNamespace = ns,
        VersionNumberMajor = major,
        VersionNumberMinor = minor,
        SchemaID = schemaId,
        Priority = priority,
    };
}
