using System.Net.WebSockets;
using System.Security.Authentication;
using System.Text;
using ChargePoint.Ocpp.Json;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Rpc;

/// <summary>
/// OCPP-J RPC endpoint of the station: keeps a WebSocket to the CSMS (reconnecting with back-off), sends one CALL
/// at a time, answers CSMS CALLs through registered handlers and answers every malformed frame with the right
/// CALLERROR. Payloads are schema-checked both ways.
/// </summary>
public sealed partial class OcppRpcClient : IAsyncDisposable
{
    public const string Ocpp21 = "ocpp2.1";
    public const string Ocpp201 = "ocpp2.0.1";

    /// <summary>How long a stopping station waits for the CSMS to answer its WebSocket close.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

    private readonly OcppRpcOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OcppRequestHandlers _handlers = new();
    private readonly IOcppConnectionPlan _plan;
    private readonly SemaphoreSlim _callLock = new(1, 1);
    private readonly Lock _gate = new();
    private OcppLink? _link;
    private OcppEndpoint? _active;
#pragma warning disable CA1859 // One slot holds calls of every response type; the interface is the point.
    private IPendingCall? _pending;
#pragma warning restore CA1859
    private TaskCompletionSource _connectedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary><paramref name="plan"/> chooses the endpoint of each attempt (network connection profiles); null dials the configured one.</summary>
    public OcppRpcClient(OcppRpcOptions options, TimeProvider time, ILogger<OcppRpcClient> logger, IOcppConnectionPlan? plan = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger;
        _plan = plan ?? new SingleEndpointPlan(options);
    }

    /// <summary>Raised (on a pool thread) after each successful connection; CALLs may be made from it.</summary>
    public event Func<CancellationToken, Task>? Connected;

    /// <summary>Raised after a connection is lost or closed.</summary>
    public event Action? Disconnected;

    /// <summary>A connection attempt failed for a security reason: (security event type, technical detail without secrets).</summary>
    public event Action<string, string>? SecurityFailure;

    public bool IsConnected => Volatile.Read(ref _link) is not null;

    /// <summary>The endpoint of the current (or, once disconnected, the last) connection; null before the first.</summary>
    public OcppEndpoint? ActiveEndpoint => Volatile.Read(ref _active);

    /// <summary>The subprotocol the CSMS accepted on the current connection.</summary>
    public string? SubProtocol => Volatile.Read(ref _link)?.Socket.SubProtocol;

    public OcppRequestHandlers Handlers => _handlers;

    /// <summary>Completes when the station is connected.</summary>
    public Task WaitConnectedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _connectedSignal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Sends a CALL and waits up to MessageTimeout for its answer. Only one CALL is outstanding at a time.</summary>
    public Task<OcppCallResult<TResponse>> CallAsync<TRequest, TResponse>(TRequest request, CancellationToken cancellationToken)
        where TRequest : IOcppRequest<TRequest, TResponse>
        where TResponse : IOcppMessage<TResponse> =>
        CallPreparedAsync<TResponse>(TRequest.MessageAction, OcppFrameWriter.CheckedPayload(request), cancellationToken);

    /// <summary>Sends a CALL whose payload was serialised and schema-checked earlier (e.g. read back from the durable queue).</summary>
    public async Task<OcppCallResult<TResponse>> CallPreparedAsync<TResponse>(string action, byte[] payload, CancellationToken cancellationToken)
        where TResponse : IOcppMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(action);
        await _callLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var link = Volatile.Read(ref _link);
            if (link is null)
            {
                return OcppCallResult.Failed<TResponse>(OcppCallFailure.NotConnected);
            }

            var pending = new PendingCall<TResponse>(Guid.NewGuid().ToString("N"), action);
            lock (_gate)
            {
                _pending = pending;
            }

            try
            {
                if (!await link.SendAsync(OcppFrameWriter.Call(pending.MessageId, pending.Action, payload), cancellationToken).ConfigureAwait(false))
                {
                    return OcppCallResult.Failed<TResponse>(OcppCallFailure.NotConnected);
                }

                var timeout = Volatile.Read(ref _active)?.MessageTimeout ?? _options.MessageTimeout;
                return await pending.Task.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                LogCallTimeout(pending.Action, pending.MessageId);
                return OcppCallResult.Failed<TResponse>(OcppCallFailure.Timeout);
            }
            finally
            {
                lock (_gate)
                {
                    if (ReferenceEquals(_pending, pending))
                    {
                        _pending = null;
                    }
                }
            }
        }
        finally
        {
            _callLock.Release();
        }
    }

    /// <summary>Sends an OCPP 2.1 SEND frame (no answer expected). Returns false when not connected.</summary>
    public async Task<bool> SendAsync<TMessage>(TMessage message, CancellationToken cancellationToken)
        where TMessage : IOcppSend<TMessage>
    {
        var link = Volatile.Read(ref _link);
        return link is not null && await link.SendAsync(OcppFrameWriter.Send(Guid.NewGuid().ToString("N"), TMessage.MessageAction, OcppFrameWriter.CheckedPayload(message)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Connects, serves the connection, and reconnects with back-off until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var endpoint = _plan.Next();
            var servedAConnection = false;
            try
            {
                using var socket = await ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
                servedAConnection = true;
                attempt = 0;
                _plan.Connected(endpoint);
                await ServeAsync(socket, endpoint, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsLinkFailure(ex) && cancellationToken.IsCancellationRequested)
            {
                break; // cancelled, or the link went down while the station was closing it: part of the stop
            }
            catch (Exception ex) when (IsLinkFailure(ex))
            {
                LogConnectionFailed(endpoint.Uri, ex.GetBaseException().Message);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (servedAConnection)
            {
                _plan.Disconnected(endpoint);
            }
            else if (_plan.Failed(endpoint))
            {
                attempt = 0; // B10.FR.03: the next profile gets its own attempts, from the minimum back-off.
            }

            var delay = OcppBackOff.Delay(_options, servedAConnection ? 0 : attempt++, Random.Shared.NextDouble());
            LogReconnectWait(delay);
            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        var link = Interlocked.Exchange(ref _link, null);
        if (link is not null)
        {
            await link.DisposeAsync().ConfigureAwait(false);
        }

        // _callLock is not disposed: calls queued behind it while the client stops must still get their turn and
        // answer NotConnected (SemaphoreSlim holds no OS handle unless AvailableWaitHandle is used).
    }

    private async Task<ClientWebSocket> ConnectAsync(OcppEndpoint endpoint, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.AddSubProtocol(Ocpp21);
            socket.Options.AddSubProtocol(Ocpp201);
            socket.Options.KeepAliveInterval = _options.WebSocketPingInterval;
            socket.Options.CollectHttpResponseDetails = true; // tells a refused password (401) from other failures
            if (endpoint.SecurityProfile <= 2 && endpoint.BasicAuthPassword is { } password)
            {
                // A00.FR.201: user name = station identity, password = SecurityCtrlr.BasicAuthPassword.
                var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(endpoint.StationId + ":" + password));
                socket.Options.SetRequestHeader("Authorization", "Basic " + token);
            }

            using var handler = new SocketsHttpHandler { ConnectTimeout = _options.ConnectTimeout };
            if (endpoint.CsmsUrl.Scheme == "wss")
            {
                handler.SslOptions.EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    var trusted = OcppCertificateCheck.IsTrusted(certificate, errors, _options.CsmsRootCertificates);
                    if (!trusted)
                    {
                        var detail = errors.ToString();
                        LogUntrustedCsms(detail);
                        SecurityFailure?.Invoke("InvalidCsmsCertificate", "CSMS certificate not trusted: " + detail);
                    }

                    return trusted;
                };
                if (endpoint.SecurityProfile == 3 && _options.ClientCertificate is { } clientCertificate)
                {
                    handler.SslOptions.ClientCertificates = [clientCertificate];
                }
            }

            using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.ConnectTimeout);
            await socket.ConnectAsync(endpoint.Uri, invoker, timeout.Token).ConfigureAwait(false);
            if (socket.SubProtocol is not (Ocpp21 or Ocpp201))
            {
                // OCPP-J §3.2: without an agreed OCPP subprotocol the connection must not be used.
                await socket.CloseOutputAsync(WebSocketCloseStatus.ProtocolError, "no OCPP subprotocol", CancellationToken.None).ConfigureAwait(false);
                throw new WebSocketException($"CSMS did not accept {Ocpp21} or {Ocpp201}");
            }

            LogConnected(endpoint.Uri, endpoint.Slot, socket.SubProtocol);
            return socket;
        }
        catch (WebSocketException) when (socket.HttpStatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            // A00.FR.?: the CSMS refused the credentials.
            SecurityFailure?.Invoke("FailedToAuthenticateAtCsms", "HTTP 401 at the WebSocket handshake");
            socket.Dispose();
            throw;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task ServeAsync(ClientWebSocket socket, OcppEndpoint endpoint, CancellationToken cancellationToken)
    {
        await using var link = new OcppLink(socket, _options.MaxFrameBytes, _logger) { Observer = _options.FrameObserver };
        using var connectionCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inbound = new OcppInboundCalls(link, _handlers, _logger);
        var inboundWorker = inbound.RunAsync(connectionCts.Token);
        Volatile.Write(ref _active, endpoint);
        Volatile.Write(ref _link, link);
        lock (_gate)
        {
            _connectedSignal.TrySetResult();
        }

        var onConnected = Connected is { } handler ? Task.Run(() => handler(connectionCts.Token), CancellationToken.None) : Task.CompletedTask;

        // A stop closes the WebSocket with a handshake instead of cutting it; the receive loop ends with the CSMS's
        // answer, or is cut after CloseHandshakeTimeout when none comes.
        using var receiveStop = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var closeOnStop = cancellationToken.Register(() => _ = CloseForStopAsync(link, receiveStop));
        try
        {
            await link.ReceiveLoopAsync(frame => Dispatch(link, inbound, frame), receiveStop.Token).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _link, null);
            lock (_gate)
            {
                _connectedSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _pending?.Fail(OcppCallFailure.NotConnected, null, "connection lost");
            }

            await connectionCts.CancelAsync().ConfigureAwait(false);
            inbound.Complete();
            await SwallowCancellation(inboundWorker).ConfigureAwait(false);
            await SwallowCancellation(onConnected).ConfigureAwait(false);
            var stopping = cancellationToken.IsCancellationRequested;
            if (_logger.IsEnabled(stopping ? LogLevel.Information : LogLevel.Warning))
            {
                var status = socket.CloseStatus?.ToString();
                if (stopping)
                {
                    LogClosedForStop(status ?? "no close answer");
                }
                else
                {
                    LogDisconnected(status ?? "aborted");
                }
            }

            Disconnected?.Invoke();
        }
    }

    private async ValueTask Dispatch(OcppLink link, OcppInboundCalls inbound, OcppInboundFrame frame)
    {
        switch (frame.Type)
        {
            case OcppMessageType.Call:
                inbound.Enqueue(frame);
                break;
            case OcppMessageType.Send:
                LogIgnoredSend(frame.Action);
                break;
            case OcppMessageType.CallResult:
            case OcppMessageType.CallError:
                IPendingCall? pending;
                lock (_gate)
                {
                    pending = _pending is { } p && p.MessageId == frame.MessageId ? p : null;
                }

                if (pending is null)
                {
                    // A late answer (after timeout) or an id we never sent: ignored, never fatal.
                    LogUnknownResponse(frame.Type, frame.MessageId);
                    return;
                }

                if (frame.Type == OcppMessageType.CallError)
                {
                    pending.Fail(OcppCallFailure.CallError, frame.ErrorCode, frame.ErrorDescription);
                    return;
                }

                var violation = pending.Complete(frame.Payload);
                if (violation is { } v)
                {
                    LogInvalidResponse(pending.Action, v.ToString());
                    if (link.Socket.SubProtocol == Ocpp21)
                    {
                        await link.SendAsync(OcppFrameWriter.CallResultError(frame.MessageId, v.Code, v.ToString()), CancellationToken.None).ConfigureAwait(false);
                    }
                }

                break;
            case OcppMessageType.CallResultError:
                LogCallResultErrorReceived(frame.MessageId, frame.ErrorCode, frame.ErrorDescription);
                break;
        }
    }

    private async Task CloseForStopAsync(OcppLink link, CancellationTokenSource receiveStop)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CloseHandshakeTimeout, _time);
            await link.CloseAsync("station stopping", timeout.Token).ConfigureAwait(false);
            receiveStop.CancelAfter(CloseHandshakeTimeout);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or InvalidOperationException)
        {
            CutReceive(receiveStop);
        }
        catch (ObjectDisposedException)
        {
            // The connection ended on its own while the close was being sent.
        }
    }

    private static void CutReceive(CancellationTokenSource receiveStop)
    {
        try
        {
            receiveStop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The receive loop has already ended.
        }
    }

    private static bool IsLinkFailure(Exception ex) =>
        ex is WebSocketException or HttpRequestException or IOException or AuthenticationException or OperationCanceledException;

    private static async Task SwallowCancellation(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to CSMS {Uri} (network profile slot {Slot}) with {SubProtocol}")]
    private partial void LogConnected(Uri uri, int slot, string? subProtocol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CSMS connection to {Uri} failed: {Reason}")]
    private partial void LogConnectionFailed(Uri uri, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting in {Delay}")]
    private partial void LogReconnectWait(TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "CSMS connection closed for the station's stop ({Status})")]
    private partial void LogClosedForStop(string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CSMS connection closed ({Status})")]
    private partial void LogDisconnected(string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No answer to {Action} ({MessageId}) within MessageTimeout")]
    private partial void LogCallTimeout(string action, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored {Type} with unknown message id {MessageId}")]
    private partial void LogUnknownResponse(OcppMessageType type, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CSMS answered {Action} with an invalid CALLRESULT: {Violation}")]
    private partial void LogInvalidResponse(string action, string violation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CSMS rejected our CALLRESULT {MessageId}: {Code} {Description}")]
    private partial void LogCallResultErrorReceived(string messageId, OcppErrorCode? code, string? description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored SEND {Action}: no consumer")]
    private partial void LogIgnoredSend(string? action);

    [LoggerMessage(Level = LogLevel.Error, Message = "CSMS certificate rejected ({Errors})")]
    private partial void LogUntrustedCsms(string errors);
}
