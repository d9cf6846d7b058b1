using System.Net;
using System.Net.Sockets;

namespace ChargePoint.V2g.Sdp;

/// <summary>EV side of SDP: sends the request every <see cref="SdpClientOptions.RetryInterval"/> until a
/// valid response arrives or <see cref="SdpClientOptions.MaxRequests"/> went unanswered. Waits run on the
/// injected <see cref="TimeProvider"/>.</summary>
public sealed class SdpClient(SdpClientOptions options, TimeProvider timeProvider)
{
    /// <summary>Number of requests sent by the last <see cref="DiscoverAsync"/>.</summary>
    public int RequestsSent { get; private set; }

    /// <summary>The first valid response, or null when every request went unanswered.</summary>
    public async Task<SdpResponse?> DiscoverAsync(SdpSecurity security, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var destination = new IPEndPoint(DestinationAddress(), options.Port);
        var scopeId = options.Interface?.Index ?? 0;
        var request = new SdpRequest(security, SdpTransportProtocol.Tcp).ToDatagram();
        using var socket = SdpSockets.CreateUdp();
        if (options.Interface is { } nic)
        {
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastInterface, nic.Index);
        }

        socket.Bind(new IPEndPoint(IPAddress.IPv6Any, 0));
        var buffer = new byte[512];
        RequestsSent = 0;
        for (var attempt = 0; attempt < options.MaxRequests; attempt++)
        {
            await socket.SendToAsync(request, SocketFlags.None, destination, cancellationToken);
            RequestsSent++;
            using var window = new CancellationTokenSource(options.RetryInterval, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(window.Token, cancellationToken);
            var response = await ReceiveResponseAsync(socket, buffer, scopeId, linked.Token);
            cancellationToken.ThrowIfCancellationRequested();
            if (response is not null)
            {
                return response;
            }
        }

        return null;
    }

    private IPAddress DestinationAddress() =>
        options.Destination
        ?? (options.Interface is { } nic
            ? SdpSockets.AllNodesOn(nic.Index)
            : throw new InvalidOperationException("SDP client needs an interface or a destination address."));

    /// <summary>Waits for a valid response until the window closes; anything else is ignored.</summary>
    private static async Task<SdpResponse?> ReceiveResponseAsync(Socket socket, byte[] buffer, long scopeId, CancellationToken window)
    {
        EndPoint anyRemote = new IPEndPoint(IPAddress.IPv6Any, 0);
        while (true)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, anyRemote, window);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            var sender = (IPEndPoint)received.RemoteEndPoint;
            var scope = scopeId > 0 ? scopeId : sender.Address.ScopeId;
            if (SdpResponse.TryParse(buffer.AsSpan(0, received.ReceivedBytes), scope, out var response) == SdpDatagramError.None)
            {
                return response;
            }
        }
    }
}
