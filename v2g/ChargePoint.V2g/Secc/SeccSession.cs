using ChargePoint.V2g.AppProtocol;
using ChargePoint.V2g.Exi;
using ChargePoint.V2g.Exi.AppProtocol;
using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;
using ChargePoint.V2g.Secc.States;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging;
using Iso20ResponseCode = ChargePoint.V2g.Exi.Iso20.responseCodeType;
using SapResponseCode = ChargePoint.V2g.Exi.AppProtocol.responseCodeType;

namespace ChargePoint.V2g.Secc;

/// <summary>
/// One V2G connection: SupportedAppProtocol, then the -20 session. The thin I/O loop around the states:
/// decode by payload type, check the SessionID, dispatch, stamp the header, encode, send, arm the sequence
/// timer (60 s; 0.5 s after a ChargeLoopRes). A FAILED response, malformed EXI, a framing error, a timeout or
/// a lost connection ends the session; every end tells the firmware to go safe.
/// </summary>
public sealed partial class SeccSession
{
    private readonly SeccOptions _options;
    private readonly SeccEnvironment _environment;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<SupportedAppProtocol> _supported;
    private readonly byte[] _buffer;

    public SeccSession(SeccOptions options, SeccEnvironment environment, TimeProvider time, ILogger logger, int maxMessageLength = V2gtpOptions.DefaultMaxPayloadLength)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _options = options;
        _environment = environment;
        _time = time;
        _logger = logger;
        _buffer = new byte[maxMessageLength];
        var offered = options.Services.Select(s => s.IsDc() ? V2gApplicationProtocol.Iso20Dc : V2gApplicationProtocol.Iso20Ac).ToHashSet();
        _supported = V2gApplicationProtocols.Iso20Conductive.Where(p => offered.Contains(p.Protocol)).ToList();
    }

    public async Task<SeccSessionResult> RunAsync(IV2gConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var context = new SessionContext(_options, _time);
        ISeccState state = SessionSetupState.Instance;
        var requests = 0;
        var reason = SafeStateReason.ConnectionLost;
        _environment.Control.BeginSession();
        Report(SeccSessionState.Connected);
        try
        {
            reason = await NegotiateAsync(connection, context, cancellationToken) ?? SafeStateReason.ConnectionLost;
            if (context.Protocol is null)
            {
                return Result(reason);
            }

            var timeout = _options.Timings.SequenceTimeout;
            while (true)
            {
                var (read, timedOut) = await ReceiveAsync(connection, timeout, cancellationToken);
                if (timedOut)
                {
                    LogSequenceTimeout(connection.Id, state.Name, timeout);
                    reason = SafeStateReason.SequenceTimeout;
                    return Result(reason);
                }

                if (read.Status != V2gtpReadStatus.Message)
                {
                    reason = read.Status == V2gtpReadStatus.FramingError ? SafeStateReason.FramingError : SafeStateReason.ConnectionLost;
                    LogConnectionEnded(connection.Id, state.Name, read.Status, read.Error);
                    return Result(reason);
                }

                var started = _time.GetTimestamp();
                if (!TryDecode(connection.Id, read.Message, out var request))
                {
                    reason = SafeStateReason.MalformedMessage;
                    return Result(reason);
                }

                requests++;
                var step = Dispatch(request, context, state);
                step.Response.Header = new MessageHeaderType
                {
                    SessionID = context.SessionId,
                    TimeStamp = (ulong)Math.Max(0, _time.GetUtcNow().ToUnixTimeSeconds()),
                };
                var (payloadType, length) = Iso20MessageCodec.Encode(step.Response, _buffer);
                await connection.SendAsync(new V2gtpMessage(payloadType, _buffer.AsMemory(0, length)), cancellationToken);
                CheckPerformance(connection.Id, step.Response, _time.GetElapsedTime(started));
                if (step.Reported is { } reported)
                {
                    Report(reported);
                }

                if (step.IsFailed)
                {
                    LogFailed(connection.Id, state.Name, Iso20MessageCodec.NameOf(request), step.Response.ResponseCode);
                    reason = SafeStateReason.FailedResponse;
                    return Result(reason);
                }

                state = step.Next;
                if (step.End != SessionEnd.None)
                {
                    reason = step.End == SessionEnd.Pause ? SafeStateReason.SessionPaused : SafeStateReason.SessionTerminated;
                    if (step.End == SessionEnd.Pause)
                    {
                        KeepPaused(context, connection.Security);
                    }

                    await AwaitPeerCloseAsync(connection, cancellationToken);
                    return Result(reason);
                }

                // [V2G20-1500]/[V2G20-1502]: 0.5 s after a ChargeLoopRes; 60 s otherwise ([V2G20-441]).
                timeout = step.Response is ChargeLoopResType ? _options.Timings.ChargeLoopSequenceTimeout : _options.Timings.SequenceTimeout;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reason = SafeStateReason.HostStopping;
            return Result(reason);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The EV vanished while we were sending.
            reason = SafeStateReason.ConnectionLost;
            return Result(reason);
        }
        finally
        {
            _environment.Feedback.OnSafeState(reason);
            Report(reason switch
            {
                SafeStateReason.SessionPaused => SeccSessionState.Paused,
                SafeStateReason.SessionTerminated => SeccSessionState.Terminated,
                _ => SeccSessionState.Failed,
            });
            await connection.DisposeAsync();
        }

        SeccSessionResult Result(SafeStateReason why) => new(why, context.Protocol, context.SessionId, requests, state.Name);
    }

    private async Task<SafeStateReason?> NegotiateAsync(IV2gConnection connection, SessionContext context, CancellationToken cancellationToken)
    {
        var (read, timedOut) = await ReceiveAsync(connection, _options.Timings.SequenceTimeout, cancellationToken);
        if (timedOut)
        {
            return SafeStateReason.SequenceTimeout;
        }

        if (read.Status != V2gtpReadStatus.Message)
        {
            return read.Status == V2gtpReadStatus.FramingError ? SafeStateReason.FramingError : SafeStateReason.ConnectionLost;
        }

        supportedAppProtocolReqType request;
        try
        {
            if (read.Message.PayloadType != (ushort)V2gtpPayloadType.SapOrLegacyExi)
            {
                throw new ExiException($"Expected supportedAppProtocolReq (0x8001), got payload type 0x{read.Message.PayloadType:X4}.");
            }

            request = AppProtocolCodec.Decode(read.Message.Payload.Span).Value as supportedAppProtocolReqType
                ?? throw new ExiException("Expected supportedAppProtocolReq.");
        }
        catch (ExiException e)
        {
            LogMalformed(connection.Id, e.Message);
            return SafeStateReason.MalformedMessage;
        }

        var decision = AppProtocolNegotiator.Negotiate(request, _supported, connection.Security);
        var length = AppProtocolCodec.Encode(new AppProtocolDocument(AppProtocolRoot.supportedAppProtocolRes, decision.Response), _buffer);
        await connection.SendAsync(new V2gtpMessage(V2gtpPayloadType.SapOrLegacyExi, _buffer.AsMemory(0, length)), cancellationToken);
        var offeredByEv = string.Join(", ", request.AppProtocol.Select(p => $"{p.ProtocolNamespace} {p.VersionNumberMajor}.{p.VersionNumberMinor}"));
        LogNegotiated(connection.Id, decision.Response.ResponseCode, decision.Selected?.Namespace ?? "none", offeredByEv, connection.Security);
        if (!decision.Succeeded)
        {
            return SafeStateReason.NegotiationFailed;
        }

        context.Protocol = decision.Selected!.Protocol;
        Report(SeccSessionState.Negotiated);
        return null;
    }

    private SeccStep Dispatch(V2GRequestType request, SessionContext context, ISeccState state)
    {
        if (state is SessionSetupState)
        {
            return state.Handle(request, context, _environment);
        }

        if (!request.Header.SessionID.AsSpan().SequenceEqual(context.SessionId))
        {
            return SeccSteps.Failed(request, Iso20ResponseCode.FAILED_UnknownSession, state);
        }

        return request switch
        {
            SessionStopReqType stop => SessionStopState.Handle(stop, context, _environment, state),
            SessionSetupReqType => SeccSteps.SequenceError(request, state),
            _ => state.Handle(request, context, _environment),
        };
    }

    private bool TryDecode(string connectionId, V2gtpMessage message, out V2GRequestType request)
    {
        try
        {
            var decoded = Iso20MessageCodec.Decode(message.PayloadType, message.Payload.Span);
            if (decoded is V2GRequestType candidate && FailedResponses.CanAnswer(candidate))
            {
                request = candidate;
                return true;
            }

            LogMalformed(connectionId, $"{Iso20MessageCodec.NameOf(decoded)} is not a request this SECC serves");
        }
        catch (ExiException e)
        {
            LogMalformed(connectionId, e.Message);
        }

        request = null!;
        return false;
    }

    private async Task<(V2gtpReadResult Read, bool TimedOut)> ReceiveAsync(IV2gConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            return (await connection.ReceiveAsync(linked.Token), false);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (V2gtpReadResult.EndOfStream, true);
        }
    }

    /// <summary>After SessionStopRes the EV closes the TCP connection; wait for that, at most the grace time.</summary>
    private async Task AwaitPeerCloseAsync(IV2gConnection connection, CancellationToken cancellationToken)
    {
        var (read, _) = await ReceiveAsync(connection, _options.Timings.CloseGrace, cancellationToken);
        if (read.Status == V2gtpReadStatus.Message)
        {
            LogAfterStop(connection.Id);
        }
    }

    private void KeepPaused(SessionContext context, V2gTransportSecurity security) =>
        _environment.Paused.Keep(new PausedSession(
            context.SessionId,
            context.EvccId ?? string.Empty,
            security,
            context.Protocol,
            context.Service!.Value,
            context.ControlMode!.Value,
            context.ParameterSetId,
            context.Needs));

    private void CheckPerformance(string connectionId, V2GResponseType response, TimeSpan elapsed)
    {
        var budget = response is ChargeLoopResType ? _options.Timings.ChargeLoopPerformanceTime : _options.Timings.PerformanceTime;
        if (elapsed > budget)
        {
            LogSlow(connectionId, Iso20MessageCodec.NameOf(response), elapsed, budget);
        }
    }

    private void Report(SeccSessionState state) => _environment.Feedback.OnSessionStateChanged(state);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ConnectionId} SupportedAppProtocol: {Code}, selected {Selected} of [{Offered}] over {Security} (-20 needs TLS 1.3, [V2G20-2356])")]
    private partial void LogNegotiated(string connectionId, SapResponseCode code, string selected, string offered, V2gTransportSecurity security);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ConnectionId} sequence timeout in {State} after {Timeout}")]
    private partial void LogSequenceTimeout(string connectionId, string state, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ConnectionId} connection ended in {State}: {Status} {Error}")]
    private partial void LogConnectionEnded(string connectionId, string state, V2gtpReadStatus status, V2gtpHeaderError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ConnectionId} malformed or unsupported message, closing: {Reason}")]
    private partial void LogMalformed(string connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ConnectionId} {Request} in {State} answered {Code}; session ends")]
    private partial void LogFailed(string connectionId, string state, string request, Iso20ResponseCode code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ConnectionId} {Response} took {Elapsed}, budget {Budget}")]
    private partial void LogSlow(string connectionId, string response, TimeSpan elapsed, TimeSpan budget);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ConnectionId} message after SessionStopRes ignored")]
    private partial void LogAfterStop(string connectionId);
}
