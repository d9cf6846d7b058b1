using System.ComponentModel;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading.Channels;
using ChargePoint.V2g.Tls;
using Microsoft.Extensions.Logging;

namespace ChargePoint.V2g.Transport;

/// <summary>
/// Accepts V2G TCP connections, plain or TLS (when given a <see cref="SeccTlsAuthenticator"/>), and hands
/// out authenticated <see cref="IV2gConnection"/>s. Handshakes run concurrently so a stalled peer cannot
/// block others; each is bounded by the handshake timeout. Failed handshakes are logged and counted.
/// </summary>
public sealed partial class V2gListener : IV2gListenerStatus, IAsyncDisposable
{
    private const int PortAttempts = 32;
    private const int PendingConnections = 4;

    private readonly IPAddress _address;
    private readonly int _requestedPort;
    private readonly SeccTlsAuthenticator? _tls;
    private readonly int _maxPayloadLength;
    private readonly IV2gPacketInspector? _inspector;
    private readonly ILogger _logger;
    private readonly Channel<IV2gConnection> _accepted;
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private long _connectionCounter;
    private long _handshakeFailures;

    /// <summary>Creates a listener on <paramref name="address"/> (the interface's link-local address with
    /// scope id in the field, <see cref="IPAddress.IPv6Loopback"/> in tests) and <paramref name="port"/>
    /// (0 picks a free port in the dynamic range 49152–65535); TLS when <paramref name="tls"/> is set.</summary>
    public V2gListener(
        IPAddress address,
        int port,
        SeccTlsAuthenticator? tls,
        int maxPayloadLength,
        ILogger<V2gListener> logger,
        IV2gPacketInspector? inspector = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentNullException.ThrowIfNull(logger);
        _address = address;
        _requestedPort = port;
        _tls = tls;
        _maxPayloadLength = maxPayloadLength;
        _inspector = inspector;
        _logger = logger;
        _accepted = Channel.CreateBounded<IV2gConnection>(
            new BoundedChannelOptions(PendingConnections) { FullMode = BoundedChannelFullMode.DropWrite },
            dropped => _ = dropped.DisposeAsync().AsTask());
    }

    public bool IsListening => _listener is not null && !_stopping.IsCancellationRequested;

    public bool IsTls => _tls is not null;

    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <summary>Handshakes that failed or timed out since start (diagnostics).</summary>
    public long HandshakeFailures => Interlocked.Read(ref _handshakeFailures);

    /// <summary>Binds and starts accepting. Throws <see cref="SocketException"/> if no port can be bound.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        if (_listener is not null)
        {
            return;
        }

        _listener = Bind();
        LocalEndPoint = (IPEndPoint)_listener.LocalEndpoint;
        LogListening(LocalEndPoint, IsTls ? "TLS" : "plain TCP");
        _acceptLoop = AcceptLoopAsync(_listener, _stopping.Token);
    }

    /// <summary>Next connection that completed its handshake.</summary>
    public ValueTask<IV2gConnection> AcceptAsync(CancellationToken cancellationToken = default) =>
        _accepted.Reader.ReadAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener?.Stop();
        await _acceptLoop;
        _accepted.Writer.TryComplete();
        while (_accepted.Reader.TryRead(out var pending))
        {
            await pending.DisposeAsync();
        }

        _listener?.Dispose();
        _stopping.Dispose();
    }

    private TcpListener Bind()
    {
        if (_requestedPort != 0)
        {
            return StartListener(_requestedPort);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return StartListener(DynamicPortRange.Pick());
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < PortAttempts)
            {
                // Taken: try another port of the dynamic range.
            }
        }
    }

    private TcpListener StartListener(int port)
    {
        var listener = new TcpListener(_address, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                LogAcceptFailed(e.SocketErrorCode);
                continue;
            }

            _ = EstablishAsync(socket, stopping);
        }
    }

    private async Task EstablishAsync(Socket socket, CancellationToken stopping)
    {
        var id = $"{(IsTls ? "tls" : "tcp")}-{Interlocked.Increment(ref _connectionCounter)}";
        EndPoint? remote = null;
        Stream? stream = null;
        try
        {
            remote = socket.RemoteEndPoint;
            var local = socket.LocalEndPoint;

            // Small request/response messages: send each at once rather than waiting to coalesce.
            socket.NoDelay = true;
            stream = new NetworkStream(socket, ownsSocket: true);
            var security = V2gTransportSecurity.PlainTcp;
            if (_tls is not null)
            {
                (stream, security) = await _tls.AuthenticateAsync(stream, stopping);
                LogHandshakeDone(id, remote, security);
            }

            var connection = new V2gStreamConnection(id, stream, security, _maxPayloadLength, _inspector, local, remote);
            if (!_accepted.Writer.TryWrite(connection))
            {
                await connection.DisposeAsync();
            }
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException or Win32Exception or SocketException or ObjectDisposedException)
        {
            // A peer that fails or stalls the handshake (or resets at once) costs only its own connection.
            Interlocked.Increment(ref _handshakeFailures);
            LogHandshakeFailed(id, remote, e.GetType().Name, e.Message);
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
            else
            {
                socket.Dispose();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "V2G listener on {EndPoint} ({Kind})")]
    private partial void LogListening(IPEndPoint endPoint, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "V2G accept failed: {Error}")]
    private partial void LogAcceptFailed(SocketError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ConnectionId} connection set-up (TLS handshake) with {Remote} failed ({Kind}): {Reason}")]
    private partial void LogHandshakeFailed(string connectionId, EndPoint? remote, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ConnectionId} TLS with {Remote}: {Security}")]
    private partial void LogHandshakeDone(string connectionId, EndPoint? remote, V2gTransportSecurity security);
}
