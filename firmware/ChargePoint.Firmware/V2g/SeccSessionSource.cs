using System.Net;
using System.Threading.Channels;
using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Firmware.Diagnostics;
using ChargePoint.V2g.Secc;
using ChargePoint.V2g.Slac;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Firmware.V2g;

/// <summary>
/// The real high-level communication of one EVSE: SLAC on the PLC channel (or, without one, the link taken as
/// up), the SDP server and the TCP/TLS 1.3 listener of <see cref="V2gTransportStack"/>, and one
/// <see cref="SeccSessionHost"/> per session whose feedback the <see cref="SeccBridgeAdapter"/> turns into
/// EVSE manager calls. The transport stack lives as long as the source; SLAC and the SECC run per session, and a
/// session paused by the EV (SessionStop Pause) is kept here, with its PLC link, until the EV resumes it or leaves.
/// </summary>
public sealed partial class SeccSessionSource : IHlcSessionSource, IAsyncDisposable
{
    /// <summary>C_sequ_retry: SLAC attempts with the E/F error routine between them ([V2G3-M06-06]).</summary>
    public const int SlacAttempts = 3;

    /// <summary>How long after the link is up the EV may take to open its V2G connection
    /// (V2G_SECC_CommunicationSetup_Performance_Time, 20 s).</summary>
    public static readonly TimeSpan CommunicationSetupTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(50);

    private readonly V2gTransportStack _stack;
    private readonly EvseSlacLink? _slac;
    private readonly SeccSessionSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly Channel<IV2gConnection> _connections = Channel.CreateUnbounded<IV2gConnection>();
    private readonly PausedSessionStore _paused = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;
    private int _disposed;

    public SeccSessionSource(V2gTransportStack stack, EvseSlacLink? slac, SeccSessionSettings settings, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggers);
        _stack = stack;
        _slac = slac;
        _settings = settings;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<SeccSessionSource>();
        _pump = PumpConnectionsAsync(_stopping.Token);
    }

    /// <summary>Where SDP answers (its bound endpoint).</summary>
    public IPEndPoint? SdpEndPoint => _stack.Sdp.LocalEndPoint;

    /// <summary>A V2G connection (TCP, TLS handshake done) came in: with the link taken as up this is the EV
    /// arriving, which the simulated pilot follows (state B).</summary>
    public event Action? ConnectionArrived;

    /// <summary>The EV's PowerDelivery requests (the simulated pilot follows: C on Start, B on Stop).</summary>
    public event Action<PowerDeliveryCommand>? PowerDelivery;

    /// <summary>A session has ended (the simulated pilot follows: A).</summary>
    public event Action<HlcSessionOutcome>? SessionEnded;

    public async Task<HlcSessionOutcome> RunSessionAsync(IHlcEvseBridge bridge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        var outcome = await RunOneAsync(bridge, cancellationToken).ConfigureAwait(false);
        LogSessionOutcome(_logger, outcome.End, outcome.Detail);
        SessionEnded?.Invoke(outcome);
        return outcome;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _stack.DisposeAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false);
        while (_connections.Reader.TryRead(out var pending))
        {
            await pending.DisposeAsync().ConfigureAwait(false);
        }

        if (_slac is not null)
        {
            await _slac.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task<HlcSessionOutcome> RunOneAsync(IHlcEvseBridge bridge, CancellationToken cancellationToken)
    {
        var linkLost = new TaskCompletionSource<SlacErrorRoutineRequest>(TaskCreationOptions.RunContinuationsAsynchronously);

        // After SessionStop(Pause) the EV comes back when it likes: over the link kept up, or after SLAC again if
        // the link dropped meanwhile, with no deadline but the unplug.
        var paused = _paused.Current;
        if (paused is not null)
        {
            LogAwaitingResume(_logger, paused.EvccId);
        }

        if (_slac is not null && (paused is null || _slac.Slac.State != SlacState.Matched))
        {
            var failure = await MatchAsync(_slac.Slac, bridge, paused is null ? SlacAttempts : int.MaxValue, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                _slac.Slac.LeaveBcd();
                return failure;
            }
        }

        void OnLinkLost(SlacErrorRoutineRequest request) => linkLost.TrySetResult(request);
        if (_slac is not null)
        {
            _slac.Slac.ErrorRoutineRequested += OnLinkLost;
        }

        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var control = new SeccControl(_settings.InitialDcLimits, _settings.InitialAcLimits);
        var adapter = new SeccBridgeAdapter(bridge, control, _settings.Rating, _time, _loggers.CreateLogger<SeccBridgeAdapter>());
        if (paused is not null)
        {
            adapter.ExpectResume(paused.Service, paused.ControlMode);
        }

        adapter.PowerDelivery += OnPowerDelivery;
        var host = new SeccSessionHost(AcceptAsync, _settings.Secc, control, adapter, _time, _loggers.CreateLogger<SeccSessionHost>(), pausedSessions: _paused);
        var hostTask = host.RunAsync(session.Token);
        HlcSessionOutcome? outcome = null;
        try
        {
            outcome = await WatchAsync(bridge, adapter, linkLost.Task, setupDeadline: paused is null, cancellationToken).ConfigureAwait(false);
            return outcome;
        }
        finally
        {
            await session.CancelAsync().ConfigureAwait(false);
            await hostTask.ConfigureAwait(false);
            adapter.PowerDelivery -= OnPowerDelivery;
            await adapter.DisposeAsync().ConfigureAwait(false);
            if (_slac is not null)
            {
                _slac.Slac.ErrorRoutineRequested -= OnLinkLost;

                // A paused session keeps its link for the wake-up; any other end drops the AVLN (new key).
                if (outcome?.End != HlcSessionEnd.Paused)
                {
                    _slac.Slac.LeaveBcd();
                }
            }

            if (outcome?.End != HlcSessionEnd.Paused)
            {
                _paused.Clear(); // unplugged, failed or finished: nothing is left to resume
            }
        }
    }

    private void OnPowerDelivery(PowerDeliveryCommand command) => PowerDelivery?.Invoke(command);

    /// <summary>Waits for the session's end, the EV's departure, a lost PLC link or a missing connection.</summary>
    private async Task<HlcSessionOutcome> WatchAsync(IHlcEvseBridge bridge, SeccBridgeAdapter adapter, Task<SlacErrorRoutineRequest> linkLost, bool setupDeadline, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var tick = Task.Delay(WatchInterval, _time, cancellationToken);
            await Task.WhenAny(adapter.Ended, linkLost, tick).ConfigureAwait(false);
            if (adapter.Ended.IsCompleted)
            {
                return HlcOutcomes.From(await adapter.Ended.ConfigureAwait(false), adapter.SessionEstablished, adapter.StopRequestedByEvse);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (linkLost.IsCompleted)
            {
                return new HlcSessionOutcome(HlcSessionEnd.LinkLost, "PLC link lost: " + (await linkLost.ConfigureAwait(false)).Reason);
            }

            if (!bridge.VehicleConnected)
            {
                return new HlcSessionOutcome(HlcSessionEnd.LinkLost, "EV unplugged during the session");
            }

            if (setupDeadline && !adapter.SessionEstablished && _time.GetElapsedTime(started) > CommunicationSetupTimeout)
            {
                return new HlcSessionOutcome(HlcSessionEnd.SetupFailed, "no ISO 15118-20 session within " + CommunicationSetupTimeout.TotalSeconds + " s of the link coming up");
            }
        }
    }

    /// <summary>SLAC with up to <paramref name="attempts"/> tries, the pilot error routine between them; null when matched.</summary>
    private async Task<HlcSessionOutcome?> MatchAsync(EvseSlac slac, IHlcEvseBridge bridge, int attempts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var result = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnReady(SlacLinkReady ready) => result.TrySetResult(ready);
            void OnFailed(SlacErrorRoutineRequest failure) => result.TrySetResult(failure);
            slac.LinkReady += OnReady;
            slac.ErrorRoutineRequested += OnFailed;
            try
            {
                LogSlacWaiting(_logger, attempt);
                slac.EnterBcd(); // the pilot shows B with 5 %: the EV may start CM_SLAC_PARM.REQ
                while (!result.Task.IsCompleted)
                {
                    await Task.WhenAny(result.Task, Task.Delay(WatchInterval, _time, cancellationToken)).ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!bridge.VehicleConnected)
                    {
                        return new HlcSessionOutcome(HlcSessionEnd.SetupFailed, "EV unplugged during SLAC");
                    }
                }
            }
            finally
            {
                slac.LinkReady -= OnReady;
                slac.ErrorRoutineRequested -= OnFailed;
            }

            switch (await result.Task.ConfigureAwait(false))
            {
                case SlacLinkReady ready:
                    LogSlacMatched(_logger, ready.EvAddress, ready.MatchingDuration);
                    return null;
                case SlacErrorRoutineRequest failure:
                    LogSlacFailed(_logger, attempt, failure.Reason);
                    if (attempt < attempts)
                    {
                        await bridge.RunLinkErrorRoutineAsync(cancellationToken).ConfigureAwait(false);
                    }

                    break;
            }
        }

        return new HlcSessionOutcome(HlcSessionEnd.SetupFailed, $"SLAC failed {SlacAttempts} times");
    }

    private ValueTask<IV2gConnection> AcceptAsync(CancellationToken cancellationToken) => _connections.Reader.ReadAsync(cancellationToken);

    private async Task PumpConnectionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var connection = await _stack.AcceptAsync(cancellationToken).ConfigureAwait(false);
                LogConnection(_logger, connection.Id, connection.RemoteEndPoint, connection.Security);
                await _connections.Writer.WriteAsync(connection, cancellationToken).ConfigureAwait(false);
                ConnectionArrived?.Invoke();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = LogAreas.V2g + 1, Level = LogLevel.Information, Message = "SLAC: waiting for the EV's CM_SLAC_PARM.REQ (attempt {Attempt})")]
    private static partial void LogSlacWaiting(ILogger logger, int attempt);

    [LoggerMessage(EventId = LogAreas.V2g + 2, Level = LogLevel.Information, Message = "SLAC: matched EV {Ev} in {Duration} (CM_SLAC_PARM.REQ to CM_SLAC_MATCH.CNF); waiting for SDP and the V2G connection")]
    private static partial void LogSlacMatched(ILogger logger, ChargePoint.V2g.Link.MacAddress ev, TimeSpan duration);

    [LoggerMessage(EventId = LogAreas.V2g + 3, Level = LogLevel.Warning, Message = "SLAC: attempt {Attempt} failed ({Reason})")]
    private static partial void LogSlacFailed(ILogger logger, int attempt, SlacFailureReason reason);

    [LoggerMessage(EventId = LogAreas.V2g + 4, Level = LogLevel.Information, Message = "V2G: connection {Id} from {Remote} over {Security}")]
    private static partial void LogConnection(ILogger logger, string id, EndPoint? remote, V2gTransportSecurity security);

    [LoggerMessage(EventId = LogAreas.V2g + 6, Level = LogLevel.Information, Message = "V2G: session of {EvccId} paused; waiting for the EV to resume it (SessionSetupReq with its old SessionID)")]
    private static partial void LogAwaitingResume(ILogger logger, string evccId);

    [LoggerMessage(EventId = LogAreas.V2g + 5, Level = LogLevel.Information, Message = "V2G: session ended {End} ({Detail})")]
    private static partial void LogSessionOutcome(ILogger logger, HlcSessionEnd end, string detail);
}
