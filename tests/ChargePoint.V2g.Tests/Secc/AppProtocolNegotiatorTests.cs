using System.Security.Authentication;
using ChargePoint.V2g.AppProtocol;
using ChargePoint.V2g.Exi.AppProtocol;
using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.Tests.Secc;

public sealed class AppProtocolNegotiatorTests
{
    private static readonly V2gTransportSecurity Tls13 = new() { IsTls = true, Protocol = SslProtocols.Tls13 };
    private static readonly V2gApplicationProtocol[] Both = [V2gApplicationProtocol.Iso20Dc, V2gApplicationProtocol.Iso20Ac];

    [Fact]
    public void Highest_priority_supported_entry_wins_and_unknown_namespaces_are_skipped()
    {
        var decision = AppProtocolNegotiator.Negotiate(
            Request(("urn:tesla:proprietary", 1, 0, 9, 1), (AppProtocolNamespaces.Iso2, 2, 0, 8, 2), (AppProtocolNamespaces.Iso20Ac, 1, 0, 7, 4), (AppProtocolNamespaces.Iso20Dc, 1, 0, 6, 3)),
            Tls13,
            Both);

        Assert.Equal(V2gApplicationProtocol.Iso20Dc, decision.Protocol);
        Assert.Equal(responseCodeType.OK_SuccessfulNegotiation, decision.Response.ResponseCode);
        Assert.Equal((byte)6, decision.Response.SchemaID);
    }

    [Fact]
    public void Other_minor_version_is_a_minor_deviation()
    {
        var decision = AppProtocolNegotiator.Negotiate(Request((AppProtocolNamespaces.Iso20Ac, 1, 1, 4, 1)), Tls13, Both);

        Assert.Equal(V2gApplicationProtocol.Iso20Ac, decision.Protocol);
        Assert.Equal(responseCodeType.OK_SuccessfulNegotiationWithMinorDeviation, decision.Response.ResponseCode);
    }

    [Fact]
    public void Other_major_version_or_a_protocol_we_do_not_offer_is_not_selected()
    {
        var decision = AppProtocolNegotiator.Negotiate(
            Request((AppProtocolNamespaces.Iso20Dc, 2, 0, 1, 1), (AppProtocolNamespaces.Iso20Ac, 1, 0, 2, 2)),
            Tls13,
            [V2gApplicationProtocol.Iso20Dc]);

        Assert.Equal(V2gApplicationProtocol.None, decision.Protocol);
        Assert.Equal(responseCodeType.Failed_NoNegotiation, decision.Response.ResponseCode);
        Assert.Null(decision.Response.SchemaID);
    }

    [Fact]
    public void Part2_and_din_only_get_failed_no_negotiation()
    {
        var decision = AppProtocolNegotiator.Negotiate(Request((AppProtocolNamespaces.Iso2, 2, 0, 1, 1), (AppProtocolNamespaces.Din70121, 2, 0, 2, 2)), Tls13, Both);

        Assert.Equal(responseCodeType.Failed_NoNegotiation, decision.Response.ResponseCode);
    }

    [Theory]
    [InlineData(false, SslProtocols.None)]
    [InlineData(true, SslProtocols.Tls12)]
    public void Part20_is_never_selected_without_tls13(bool tls, SslProtocols protocol)
    {
        var security = new V2gTransportSecurity { IsTls = tls, Protocol = protocol };
        var decision = AppProtocolNegotiator.Negotiate(Request((AppProtocolNamespaces.Iso20Dc, 1, 0, 1, 1)), security, Both);

        Assert.Equal(responseCodeType.Failed_NoNegotiation, decision.Response.ResponseCode);
        Assert.Contains("V2G20-2356", decision.Reason, StringComparison.Ordinal);
    }

    private static supportedAppProtocolReqType Request(params (string Ns, uint Major, uint Minor, byte Schema, byte Priority)[] entries) => new()
    {
        AppProtocol = entries.Select(e => new AppProtocolType
        {
            ProtocolNamespace = e.Ns,
            VersionNumberMajor = e.Major,
            VersionNumberMinor = e.Minor,
            SchemaID = e.Schema,
            Priority = e.Priority,
        }).ToList(),
    };
}
