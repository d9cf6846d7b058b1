using System.Net;
using ChargePoint.V2g.Sdp;

namespace ChargePoint.V2g.Tests.Sdp;

public sealed class SdpMessageTests
{
    [Fact]
    public void Request_datagram_is_ten_bytes_with_the_sdp_header()
    {
        var datagram = new SdpRequest(SdpSecurity.Tls, SdpTransportProtocol.Tcp).ToDatagram();

        Assert.Equal(new byte[] { 0x01, 0xFE, 0x90, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00 }, datagram);
    }

    [Fact]
    public void Response_datagram_is_twenty_eight_bytes_address_port_security_transport()
    {
        var response = new SdpResponse(IPAddress.Parse("fe80::1234:5678"), 0xC350, SdpSecurity.None, SdpTransportProtocol.Tcp);

        var datagram = response.ToDatagram();

        Assert.Equal(28, datagram.Length);
        Assert.Equal(new byte[] { 0x01, 0xFE, 0x90, 0x01, 0x00, 0x00, 0x00, 0x14 }, datagram[..8]);
        Assert.Equal(IPAddress.Parse("fe80::1234:5678").GetAddressBytes(), datagram[8..24]);
        Assert.Equal(new byte[] { 0xC3, 0x50, 0x10, 0x00 }, datagram[24..]);
    }

    [Fact]
    public void Response_round_trips_and_takes_the_receiving_scope()
    {
        var sent = new SdpResponse(IPAddress.Parse("fe80::1"), 50000, SdpSecurity.Tls, SdpTransportProtocol.Tcp);

        Assert.Equal(SdpDatagramError.None, SdpResponse.TryParse(sent.ToDatagram(), scopeId: 7, out var parsed));

        Assert.Equal(7, parsed.Address.ScopeId);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("fe80::1%7"), 50000), parsed.EndPoint);
        Assert.Equal(SdpSecurity.Tls, parsed.Security);
    }

    [Theory]
    [InlineData(new byte[] { 0x01, 0xFE, 0x90, 0x00, 0, 0, 0, 2, 0x10, 0x00 }, SdpDatagramError.None)]
    [InlineData(new byte[] { 0x01, 0xFF, 0x90, 0x00, 0, 0, 0, 2, 0x10, 0x00 }, SdpDatagramError.BadHeader)]
    [InlineData(new byte[] { 0x01, 0xFE, 0x90, 0x01, 0, 0, 0, 2, 0x10, 0x00 }, SdpDatagramError.UnexpectedPayloadType)]
    [InlineData(new byte[] { 0x01, 0xFE, 0x90, 0x00, 0, 0, 0, 3, 0x10, 0x00, 0x00 }, SdpDatagramError.WrongLength)]
    [InlineData(new byte[] { 0x01, 0xFE, 0x90, 0x00, 0, 0, 0, 2, 0x10 }, SdpDatagramError.WrongLength)]
    [InlineData(new byte[] { 0x01, 0xFE, 0x90, 0x00, 0, 0, 0, 2, 0x10, 0x00, 0xFF }, SdpDatagramError.WrongLength)]
    [InlineData(new byte[] { 0x01, 0xFE, 0x90, 0x00, 0, 0, 0, 2, 0x20, 0x00 }, SdpDatagramError.InvalidField)]
    [InlineData(new byte[] { 0x01, 0xFE, 0x90, 0x00, 0, 0, 0, 2, 0x00, 0x01 }, SdpDatagramError.InvalidField)]
    [InlineData(new byte[] { 0x01, 0xFE, 0x90 }, SdpDatagramError.BadHeader)]
    public void Request_parsing_checks_header_type_length_and_fields(byte[] datagram, SdpDatagramError expected) =>
        Assert.Equal(expected, SdpRequest.TryParse(datagram, out _));

    [Fact]
    public void Response_with_port_zero_is_invalid()
    {
        var datagram = new SdpResponse(IPAddress.IPv6Loopback, 1, SdpSecurity.Tls, SdpTransportProtocol.Tcp).ToDatagram();
        datagram[24] = 0;
        datagram[25] = 0;

        Assert.Equal(SdpDatagramError.InvalidField, SdpResponse.TryParse(datagram, 0, out _));
    }
}
