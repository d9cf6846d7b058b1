using System.Net;
using System.Threading.Channels;
using ChargePoint.V2g.Sdp;
using ChargePoint.V2g.Tls;
using Microsoft.Extensions.Logging;

namespace ChargePoint.V2g.Transport;

/// <summary>
/// The SECC's network side wired from configuration: TLS listener (when <c>V2g:Tls</c> material loads and
/// the policy allows TLS), plain TCP listener (when the policy allows plain), and the SDP server that
/// announces whichever is really up. Connections from both listeners come out of <see cref="AcceptAsync"/>.
/// Without <c>V2g:Interface</c> everything binds IPv6 loopback (development and tests).
/// </summary>
public sealed partial class V2gTransportStack : IAsyncDisposable
{
    private readonly Channel<IV2gConnection> _accepted = Channel.CreateUnbounded<IV2gConnection>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _pumps = [];
    private readonly ILogger _logger;

    private V2gTransportStack(ILogger logger) => _logger = logger;

    public V2gListener? TlsListener { get; private set; }

    public V2gListener? PlainListener { get; private set; }

    public SdpServer Sdp { get; private set; } = null!;

    /// <summary>Why TLS is down, when it is (null while TLS is up or not wanted).</summary>
    public string? TlsUnavailableReason { get; private set; }

    public static V2gTransportStack Start(
        V2gNetworkOptions network,
        V2gTlsOptions tls,
        V2gtpOptions v2gtp,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        IV2gPacketInspector? inspector = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(tls);
        ArgumentNullException.ThrowIfNull(v2gtp);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var stack = new V2gTransportStack(loggerFactory.CreateLogger<V2gTransportStack>());
        try
        {
            stack.StartParts(network, tls, v2gtp, timeProvider, loggerFactory, inspector);
            return stack;
        }
        catch
        {
            stack.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>Next connection from either listener, handshake done.</summary>
    public ValueTask<IV2gConnection> AcceptAsync(CancellationToken cancellationToken = default) =>
        _accepted.Reader.ReadAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (Sdp is not null)
        {
            await Sdp.DisposeAsync();
        }

        if (TlsListener is not null)
        {
            await TlsListener.DisposeAsync();
        }

        if (PlainListener is not null)
        {
            await PlainListener.DisposeAsync();
        }

        await Task.WhenAll(_pumps);
        _accepted.Writer.TryComplete();
        while (_accepted.Reader.TryRead(out var pending))
        {
            await pending.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private void StartParts(
        V2gNetworkOptions network,
        V2gTlsOptions tls,
        V2gtpOptions v2gtp,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        IV2gPacketInspector? inspector)
    {
        var nic = string.IsNullOrWhiteSpace(network.Interface) ? null : V2gNetworkInterface.Resolve(network.Interface);
        var address = nic is null
            ? IPAddress.IPv6Loopback
            : nic.LinkLocalAddress ?? throw new InvalidOperationException($"V2G interface '{nic.Name}' has no IPv6 link-local address.");
        var listenerLogger = loggerFactory.CreateLogger<V2gListener>();

        if (network.SecurityPolicy != SdpSecurityPolicy.TlsOff)
        {
            var authenticator = TryCreateTls(tls, timeProvider);
            if (authenticator is not null)
            {
                TlsListener = new V2gListener(address, network.TlsPort, authenticator, v2gtp.MaxPayloadLength, listenerLogger, inspector);
                TlsListener.Start();
                _pumps.Add(PumpAsync(TlsListener));
            }
        }

        if (network.SecurityPolicy != SdpSecurityPolicy.TlsRequired)
        {
            PlainListener = new V2gListener(address, network.TcpPort, null, v2gtp.MaxPayloadLength, listenerLogger, inspector);
            PlainListener.Start();
            _pumps.Add(PumpAsync(PlainListener));
        }

        Sdp = new SdpServer(network, nic, TlsListener, PlainListener, loggerFactory.CreateLogger<SdpServer>());
        Sdp.Start();
    }

    private SeccTlsAuthenticator? TryCreateTls(V2gTlsOptions tls, TimeProvider timeProvider)
    {
        if (!tls.IsConfigured)
        {
            TlsUnavailableReason = "V2g:Tls:CertificateChain / V2g:Tls:PrivateKey not set";
            LogTlsUnavailable(TlsUnavailableReason);
            return null;
        }

        try
        {
            return new SeccTlsAuthenticator(SeccCredentialsLoader.Load(tls, timeProvider), tls, timeProvider);
        }
        catch (TlsCredentialException e)
        {
            // No usable certificate: TLS stays down and SDP will not announce it.
            TlsUnavailableReason = e.Message;
            LogTlsUnavailable(e.Message);
            return null;
        }
    }

    private async Task PumpAsync(V2gListener listener)
    {
        try
        {
            while (true)
            {
                var connection = await listener.AcceptAsync(_stopping.Token);
                await _accepted.Writer.WriteAsync(connection, _stopping.Token);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "V2G TLS not available, SDP will not offer TLS: {Reason}")]
    private partial void LogTlsUnavailable(string reason);
}
