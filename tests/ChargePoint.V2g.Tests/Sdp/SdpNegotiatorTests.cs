using ChargePoint.V2g.Sdp;

namespace ChargePoint.V2g.Tests.Sdp;

/// <summary>The full matrix: policy × EV request × which listeners are up.</summary>
public sealed class SdpNegotiatorTests
{
    private const SdpSecurity Tls = SdpSecurity.Tls;
    private const SdpSecurity Plain = SdpSecurity.None;

    public static TheoryData<SdpSecurityPolicy, SdpSecurity, bool, bool, SdpSecurity?> Matrix() => new()
    {
        // policy,                       EV asks, TLS up, TCP up, answer (null = silent)
        { SdpSecurityPolicy.TlsRequired, Tls,     true,   true,   Tls },
        { SdpSecurityPolicy.TlsRequired, Plain,   true,   true,   Tls },
        { SdpSecurityPolicy.TlsRequired, Tls,     false,  true,   null },
        { SdpSecurityPolicy.TlsRequired, Plain,   false,  true,   null },
        { SdpSecurityPolicy.TlsRequired, Tls,     false,  false,  null },
        { SdpSecurityPolicy.TlsOffered,  Tls,     true,   true,   Tls },
        { SdpSecurityPolicy.TlsOffered,  Plain,   true,   true,   Plain },
        { SdpSecurityPolicy.TlsOffered,  Tls,     false,  true,   Plain },
        { SdpSecurityPolicy.TlsOffered,  Plain,   true,   false,  Tls },
        { SdpSecurityPolicy.TlsOffered,  Tls,     true,   false,  Tls },
        { SdpSecurityPolicy.TlsOffered,  Plain,   false,  true,   Plain },
        { SdpSecurityPolicy.TlsOffered,  Tls,     false,  false,  null },
        { SdpSecurityPolicy.TlsOff,      Tls,     true,   true,   Plain },
        { SdpSecurityPolicy.TlsOff,      Plain,   true,   true,   Plain },
        { SdpSecurityPolicy.TlsOff,      Tls,     true,   false,  null },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Decides_per_policy_and_listener_state(SdpSecurityPolicy policy, SdpSecurity requested, bool tlsUp, bool plainUp, SdpSecurity? expected)
    {
        var decision = SdpNegotiator.Decide(new SdpRequest(requested, SdpTransportProtocol.Tcp), policy, tlsUp, plainUp);

        Assert.Equal(expected is not null, decision.Answers);
        if (expected is { } security)
        {
            Assert.Equal(security, decision.Security);
        }
        else
        {
            Assert.Equal(SdpRefusal.NoUsableListener, decision.Refusal);
        }
    }

    [Theory]
    [InlineData(SdpSecurityPolicy.TlsRequired)]
    [InlineData(SdpSecurityPolicy.TlsOffered)]
    [InlineData(SdpSecurityPolicy.TlsOff)]
    public void Udp_transport_is_never_answered(SdpSecurityPolicy policy)
    {
        var decision = SdpNegotiator.Decide(new SdpRequest(Tls, SdpTransportProtocol.Udp), policy, true, true);

        Assert.Equal(SdpRefusal.UnsupportedTransport, decision.Refusal);
    }
}
