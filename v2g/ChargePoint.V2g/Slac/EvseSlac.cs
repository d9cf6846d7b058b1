using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac.Messages;
using Microsoft.Extensions.Logging;

namespace ChargePoint.V2g.Slac;

/// <summary>
/// The EVSE side of ISO 15118-3 SLAC over a HomePlug Green PHY modem. A synchronous state machine: frames,
/// commands and timer expiries enter under one lock; frames to send leave through <c>send</c> (which must only
/// enqueue); events are raised after the lock is released. All timing goes through <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class EvseSlac : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SlacOptions _options;
    private readonly Action<byte[]> _send;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RateLimitedLog _dropLog;
    private readonly List<Action> _pendingEvents = [];
    private readonly Dictionary<(MacAddress, RunId), MatchingSession> _sessions = [];
    private readonly SlacTimer _initTimer;
    private readonly SlacTimer _keyTimer;
    private readonly SlacTimer _linkPollTimer;
    private readonly SlacTimer _joinTimer;
    private bool _disposed;
    private string _lastDropReason = string.Empty;

    public EvseSlac(SlacOptions options, MacAddress localAddress, Action<byte[]> send, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        LocalAddress = localAddress;
        _send = send;
        _time = time;
        _logger = logger;
        _dropLog = new RateLimitedLog(logger, time);
        _initTimer = NewTimer();
        _keyTimer = NewTimer();
        _linkPollTimer = NewTimer();
        _joinTimer = NewTimer();
        Key = NetworkKey.Generate();
    }

    /// <summary>Data-link state changed.</summary>
    public event Action<SlacState>? StateChanged;

    /// <summary>The AVLN with the EV is up: start SDP.</summary>
    public event Action<SlacLinkReady>? LinkReady;

    /// <summary>The firmware must run the CP E/F error routine (matching failed or the link was lost).</summary>
    public event Action<SlacErrorRoutineRequest>? ErrorRoutineRequested;

    public MacAddress LocalAddress { get; }

    public SlacState State { get; private set; } = SlacState.Unmatched;

    /// <summary>The NMK/NID currently installed (or being installed) in the local modem.</summary>
    public NetworkKey Key { get; private set; }

    /// <summary>True once the local modem confirmed <see cref="Key"/>.</summary>
    public bool KeyConfirmed { get; private set; }

    /// <summary>The EV MAC once matched; null otherwise.</summary>
    public MacAddress? MatchedEv { get; private set; }

    /// <summary>Firmware version string reported by the local modem, when it answered VS_SW_VER.</summary>
    public string? ModemVersion { get; private set; }

    /// <summary>Frames ignored because they were malformed, foreign or did not fit any session.</summary>
    public long DroppedFrames
    {
        get
        {
            lock (_gate)
            {
                return _dropLog.Dropped;
            }
        }
    }

    /// <summary>CM_ATTEN_CHAR.IND repetitions sent because no response came in time.</summary>
    public int AttenCharRetriesSent { get; private set; }

    public int ActiveSessionCount
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Count;
            }
        }
    }

    /// <summary>Installs a fresh key in the local modem and asks for its version; call once at start-up.</summary>
    public void Start() => Run(() =>
    {
        Send(_options.LocalModemAddress, new QcaSoftwareVersionReq());
        InstallNewKey();
    });

    /// <summary>CP went to B, C or D with 5 % PWM: wait for the EV's CM_SLAC_PARM.REQ (TT_EVSE_SLAC_init).</summary>
    public void EnterBcd() => Run(() =>
    {
        if (State is SlacState.Matching or SlacState.Joining or SlacState.Matched)
        {
            return;
        }

        ClearSessions();
        SetState(SlacState.Matching);
        if (!KeyConfirmed && !_keyTimer.IsArmed)
        {
            InstallNewKey(); // the modem refused the key earlier: try again, and fail matching if it still refuses
        }

        _initTimer.Arm(_options.SlacInitTimeout, () => FailMatching(SlacFailureReason.NoParmRequest, null));
    });

    /// <summary>CP went to A (unplugged) or the charging session ended: drop everything and re-key the modem.</summary>
    public void LeaveBcd() => Run(() =>
    {
        var wasActive = State != SlacState.Unmatched;
        ClearSessions();
        StopLink();
        _initTimer.Cancel();
        MatchedEv = null;
        SetState(SlacState.Unmatched);
        if (wasActive)
        {
            InstallNewKey();
        }
    });

    /// <summary>Feeds one received Ethernet frame. Malformed or foreign frames are dropped and counted.</summary>
    public void HandleFrame(ReadOnlySpan<byte> frame)
    {
        List<Action>? events;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            Dispatch(frame);
            events = TakeEvents();
        }

        Raise(events);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            ClearSessions();
            _initTimer.Dispose();
            _keyTimer.Dispose();
            _linkPollTimer.Dispose();
            _joinTimer.Dispose();
        }
    }

    private void Dispatch(ReadOnlySpan<byte> frame)
    {
        var error = MmeFrame.TryParse(frame, out var header, out var payload);
        if (error != MmeFrameError.None)
        {
            _dropLog.Drop(error.ToString(), $"{frame.Length} bytes");
            return;
        }

        if (header.Source == LocalAddress)
        {
            return; // our own transmission, echoed by the packet socket
        }

        if (header.Destination != LocalAddress && !header.Destination.IsBroadcast)
        {
            _dropLog.Drop("not addressed to us", $"{MmeType.Name(header.Type)} to {header.Destination}");
            return;
        }

        var handled = header.Type switch
        {
            MmeType.SlacParmReq => OnParmRequest(header, payload),
            MmeType.StartAttenCharInd => OnStartAttenChar(header, payload),
            MmeType.MnbcSoundInd => OnSound(header, payload),
            MmeType.AttenProfileInd => OnAttenProfile(header, payload),
            MmeType.AttenCharRsp => OnAttenCharResponse(header, payload),
            MmeType.ValidateReq => OnValidateRequest(header, payload),
            MmeType.SlacMatchReq => OnMatchRequest(header, payload),
            MmeType.SetKeyCnf => OnSetKeyConfirm(header, payload),
            MmeType.AmpMapReq => OnAmpMapRequest(header, payload),
            MmeType.QcaLinkStatusCnf => OnLinkStatus(header, payload),
            MmeType.QcaSoftwareVersionCnf => OnSoftwareVersion(header, payload),
            _ => Ignore("unknown or unexpected MMTYPE"),
        };
        if (!handled)
        {
            _dropLog.Drop(_lastDropReason, $"{MmeType.Name(header.Type)} MMV {header.Version} from {header.Source}");
        }
    }

    private bool Ignore(string reason)
    {
        _lastDropReason = reason;
        return false;
    }

    private bool TryRead<T>(in MmeHeader header, ReadOnlySpan<byte> payload, out T message)
        where T : struct, IMmeMessage<T>
    {
        if (header.Version != T.Version)
        {
            message = default;
            return Ignore("wrong MMV");
        }

        return MmeFrame.TryRead(header, payload, out message) || Ignore("malformed payload");
    }

    private void Send<T>(MacAddress destination, in T message)
        where T : struct, IMmeMessage<T> => _send(MmeFrame.Build(destination, LocalAddress, message));

    private SlacTimer NewTimer() => new(_time, action => Run(action));

    private void Run(Action action)
    {
        List<Action>? events;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            action();
            events = TakeEvents();
        }

        Raise(events);
    }

    private List<Action>? TakeEvents()
    {
        if (_pendingEvents.Count == 0)
        {
            return null;
        }

        var events = _pendingEvents.ToList();
        _pendingEvents.Clear();
        return events;
    }

    private static void Raise(List<Action>? events)
    {
        if (events is null)
        {
            return;
        }

        foreach (var raise in events)
        {
            raise();
        }
    }

    private void SetState(SlacState state)
    {
        if (State == state)
        {
            return;
        }

        SlacLog.StateChange(_logger, State, state);
        State = state;
        _pendingEvents.Add(() => StateChanged?.Invoke(state));
    }

    private void RequestErrorRoutine(SlacFailureReason reason, MacAddress? ev)
    {
        SlacLog.Failed(_logger, reason, ev);
        SetState(SlacState.Failed);
        var request = new SlacErrorRoutineRequest(reason, ev);
        _pendingEvents.Add(() => ErrorRoutineRequested?.Invoke(request));
    }
}
