using System.Net;
using System.Net.Sockets;
using ChargePoint.V2g.Tls;

namespace ChargePoint.V2g.Transport;

/// <summary>EV side: dials the SECC endpoint learnt from SDP and returns a V2G connection.</summary>
public static class V2gConnector
{
    /// <summary>Connects to <paramref name="secc"/>; a null <paramref name="tls"/> means plain TCP (only
    /// legitimate for DIN 70121 / ISO 15118-2 without TLS).</summary>
    public static async Task<IV2gConnection> ConnectAsync(
        IPEndPoint secc,
        EvTlsAuthenticator? tls,
        int maxPayloadLength,
        IV2gPacketInspector? inspector = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secc);
        var socket = new Socket(secc.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(secc, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var local = socket.LocalEndPoint;
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        var security = V2gTransportSecurity.PlainTcp;
        if (tls is not null)
        {
            (stream, security) = await tls.AuthenticateAsync(stream, cancellationToken);
        }

        return new V2gStreamConnection($"ev-{(tls is null ? "tcp" : "tls")}", stream, security, maxPayloadLength, inspector, local, secc);
    }
}
