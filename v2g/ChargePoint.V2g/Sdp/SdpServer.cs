using System.Net;
using System.Net.Sockets;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging;

namespace ChargePoint.V2g.Sdp;

/// <summary>
/// SECC Discovery Protocol server: UDP on port 15118 of the PLC interface, member of ff02::1, answering
/// each valid wired SDP request unicast to its sender with the address and port of a listener that is up,
/// per <see cref="SdpSecurityPolicy"/>. Wireless requests (0x9002) are refused: logged, counted, unanswered,
/// since this SECC has no WPT/ACDP service. Malformed datagrams are dropped.
/// </summary>
public sealed partial class SdpServer : IAsyncDisposable
{
    private const int ReceiveBufferSize = 512;

    private readonly V2gNetworkOptions _options;
    private readonly V2gNetworkInterface? _interface;
    private readonly IV2gListenerStatus? _tls;
    private readonly IV2gListenerStatus? _plain;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _socket;
    private Task _receiveLoop = Task.CompletedTask;
    private long _answered;
    private long _refused;
    private long _wirelessRefused;
    private long _malformed;

    /// <summary>With <paramref name="networkInterface"/> the server binds to that interface and joins ff02::1
    /// there; without it (tests) it listens on all interfaces for unicast requests.</summary>
    public SdpServer(
        V2gNetworkOptions options,
        V2gNetworkInterface? networkInterface,
        IV2gListenerStatus? tlsListener,
        IV2gListenerStatus? plainListener,
        ILogger<SdpServer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _interface = networkInterface;
        _tls = tlsListener;
        _plain = plainListener;
        _logger = logger;
    }

    public IPEndPoint? LocalEndPoint { get; private set; }

    public long RequestsAnswered => Interlocked.Read(ref _answered);

    public long RequestsRefused => Interlocked.Read(ref _refused);

    public long WirelessRequestsRefused => Interlocked.Read(ref _wirelessRefused);

    public long MalformedDatagrams => Interlocked.Read(ref _malformed);

    public void Start()
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        if (_socket is not null)
        {
            return;
        }

        var socket = SdpSockets.CreateUdp();
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            if (_interface is not null)
            {
                SdpSockets.BindToDevice(socket, _interface.Name);
            }

            socket.Bind(new IPEndPoint(IPAddress.IPv6Any, _options.SdpPort));
            if (_interface is not null)
            {
                JoinAllNodes(socket, _interface);
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        LogStarted(LocalEndPoint, _interface?.Name ?? "all interfaces", _options.SecurityPolicy);
        _receiveLoop = ReceiveLoopAsync(socket, _stopping.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _socket?.Dispose();
        await _receiveLoop;
        _stopping.Dispose();
    }

    /// <summary>The answer to one datagram, or null when it gets none. Pure apart from the listener state;
    /// separated from the socket loop so the message layer is testable without multicast.</summary>
    public byte[]? Respond(ReadOnlySpan<byte> datagram)
    {
        var headerError = SdpDatagram.TryReadHeader(datagram, out var header);
        if (headerError == SdpDatagramError.None && header.PayloadType == (ushort)V2gtpPayloadType.SdpRequestWireless)
        {
            Interlocked.Increment(ref _wirelessRefused);
            LogWirelessRefused();
            return null;
        }

        var request = default(SdpRequest);
        var error = headerError == SdpDatagramError.None ? SdpRequest.TryParse(datagram, out request) : headerError;
        if (error != SdpDatagramError.None)
        {
            Interlocked.Increment(ref _malformed);
            LogMalformed(error, datagram.Length);
            return null;
        }

        var tlsUp = IsUp(_tls, expectTls: true);
        var plainUp = IsUp(_plain, expectTls: false);
        var decision = SdpNegotiator.Decide(request, _options.SecurityPolicy, tlsUp, plainUp);
        var listener = decision.Security == SdpSecurity.Tls ? _tls : _plain;
        var address = decision.Answers ? AdvertisedAddress(listener!) : null;
        if (address is null)
        {
            Interlocked.Increment(ref _refused);
            LogRefused(request.Security, request.TransportProtocol, decision.Answers ? SdpRefusal.NoUsableListener : decision.Refusal, tlsUp, plainUp);
            return null;
        }

        Interlocked.Increment(ref _answered);
        var response = new SdpResponse(address, (ushort)listener!.LocalEndPoint!.Port, decision.Security, SdpTransportProtocol.Tcp);
        LogAnswered(request.Security, response.Security, response.EndPoint);
        return response.ToDatagram();
    }

    private async Task ReceiveLoopAsync(Socket socket, CancellationToken stopping)
    {
        var buffer = new byte[ReceiveBufferSize];
        EndPoint anyRemote = new IPEndPoint(IPAddress.IPv6Any, 0);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, anyRemote, stopping);
                var answer = Respond(buffer.AsSpan(0, received.ReceivedBytes));
                if (answer is not null)
                {
                    await socket.SendToAsync(answer, SocketFlags.None, received.RemoteEndPoint, stopping);
                }
            }
            catch (Exception e) when (stopping.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            catch (SocketException e)
            {
                // E.g. the EV vanished before our answer went out; keep serving.
                LogSocketError(e.SocketErrorCode);
            }
        }
    }

    private static bool IsUp(IV2gListenerStatus? listener, bool expectTls) =>
        listener is { IsListening: true, LocalEndPoint: not null } && listener.IsTls == expectTls;

    /// <summary>The listener's own address, unless it is bound to the wildcard: then the interface's
    /// link-local address (the EV must reach us on the PLC link).</summary>
    private IPAddress? AdvertisedAddress(IV2gListenerStatus listener)
    {
        var bound = listener.LocalEndPoint!.Address;
        if (!bound.Equals(IPAddress.IPv6Any))
        {
            return bound;
        }

        return _interface?.LinkLocalAddress;
    }

    private void JoinAllNodes(Socket socket, V2gNetworkInterface networkInterface)
    {
        try
        {
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(SdpSockets.AllNodes, networkInterface.Index));
        }
        catch (SocketException e)
        {
            // Linux delivers ff02::1 to every IPv6 node anyway; without the explicit join SDP still works
            // where the interface is multicast-capable, so report and carry on.
            LogJoinFailed(networkInterface.Name, e.SocketErrorCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SDP server on {EndPoint} ({Interface}), policy {Policy}")]
    private partial void LogStarted(IPEndPoint endPoint, string @interface, SdpSecurityPolicy policy);

    [LoggerMessage(Level = LogLevel.Information, Message = "SDP request (security {Requested}) answered with {Security} at {EndPoint}")]
    private partial void LogAnswered(SdpSecurity requested, SdpSecurity security, IPEndPoint endPoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SDP request (security {Requested}, transport {Transport}) not answered: {Reason} (TLS up {TlsUp}, TCP up {PlainUp})")]
    private partial void LogRefused(SdpSecurity requested, SdpTransportProtocol transport, SdpRefusal reason, bool tlsUp, bool plainUp);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wireless SDP request refused: this SECC offers conductive charging only")]
    private partial void LogWirelessRefused();

    [LoggerMessage(Level = LogLevel.Debug, Message = "SDP datagram dropped: {Error} ({Length} B)")]
    private partial void LogMalformed(SdpDatagramError error, int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SDP socket error {Error}")]
    private partial void LogSocketError(SocketError error);

    [LoggerMessage(Level = LogLevel.Error, Message = "SDP could not join ff02::1 on {Interface}: {Error}")]
    private partial void LogJoinFailed(string @interface, SocketError error);
}
