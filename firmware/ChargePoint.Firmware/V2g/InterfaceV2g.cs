using ChargePoint.Firmware.Configuration;
using ChargePoint.Firmware.Hosting;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Sdp;
using ChargePoint.V2g.Slac;
using ChargePoint.V2g.Tls;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Firmware.V2g;

/// <summary>
/// EVSE 1's V2G stack on a real interface (<c>V2g:Interface</c>: the PLC modem's interface on a board, a veth end
/// in tests): SLAC over an AF_PACKET socket when asked for, SDP on UDP 15118 joined to ff02::1 there, TCP/TLS 1.3
/// on the interface's IPv6 link-local address. Every reason it cannot start becomes one startup message that
/// names the setting.
/// </summary>
public static class InterfaceV2g
{
    public static SeccSessionSource Start(
        V2gNetworkOptions network,
        V2gTlsOptions tls,
        V2gStationOptions station,
        HalOptions rating,
        bool slac,
        TimeProvider time,
        ILoggerFactory loggers,
        IV2gPacketInspector? inspector)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(tls);
        var name = network.Interface;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new StationStartupException("V2g:Interface is not set: name the interface of the PLC modem (e.g. eth1), where SLAC, SDP and the V2G listeners run.");
        }

        CheckTlsMaterial(tls, time);
        PacketSocketChannel? plc = null;
        if (slac)
        {
            try
            {
                plc = PacketSocketChannel.Open(name);
            }
            catch (EthernetLinkException e)
            {
                throw new StationStartupException($"V2g:Interface: SLAC cannot use '{name}': {e.Message}", e);
            }
        }

        try
        {
            return SeccSourceBuilder.Build(plc, network, tls, station, rating, time, loggers, plc is null ? null : new SlacOptions { Interface = name }, inspector);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Net.Sockets.SocketException or ArgumentException or EthernetLinkException)
        {
            plc?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new StationStartupException($"V2g:Interface: the V2G stack on '{name}' did not start: {e.Message}", e);
        }
    }

    /// <summary>ISO 15118-20 runs only over TLS 1.3 ([V2G20-2356]): a station whose certificate or key cannot be
    /// loaded must not start and silently offer nothing.</summary>
    private static void CheckTlsMaterial(V2gTlsOptions tls, TimeProvider time)
    {
        if (!tls.IsConfigured)
        {
            throw new StationStartupException("V2g:Tls:CertificateChain and V2g:Tls:PrivateKey are required: ISO 15118-20 runs only over TLS 1.3.");
        }

        try
        {
            using var credentials = SeccCredentialsLoader.Load(tls, time);
        }
        catch (TlsCredentialException e)
        {
            throw new StationStartupException($"V2g:Tls: {e.Message}", e);
        }
    }
}
