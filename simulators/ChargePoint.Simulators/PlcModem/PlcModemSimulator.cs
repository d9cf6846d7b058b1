using System.Security.Cryptography;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac.Messages;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Simulators.PlcModem;

/// <summary>
/// Stands on the far end of the EVSE's PLC interface and plays the EVSE's own modem (CM_SET_KEY, vendor MMEs,
/// ATTEN_PROFILE.IND for every sound), the EV's modem, and the EV host running the EV side of SLAC. The AVLN comes
/// up only if the NMK the EV received in CM_SLAC_MATCH.CNF equals the one the EVSE installed with CM_SET_KEY.
/// Synchronous like the EVSE core: frames and timers enter under one lock; <c>send</c> must only enqueue.
/// </summary>
public sealed partial class PlcModemSimulator : IDisposable
{
    private readonly Lock _gate = new();
    private readonly PlcModemSimulatorOptions _options;
    private readonly Action<byte[]> _send;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<ITimer> _timers = [];
    private readonly List<SimulatedEv> _evs = [];
    private MacAddress? _evseHost;
    private byte[]? _evseModemNmk;
    private bool _disposed;
    private bool _autoStarted;

    public PlcModemSimulator(PlcModemSimulatorOptions options, Action<byte[]> send, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _send = send ?? throw new ArgumentNullException(nameof(send));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _evs.Add(new SimulatedEv(options.EvAddress, options.EvAttenuationDb, isCrossTalk: false));
        if (options.Faults.CrossTalkEv is { } neighbour)
        {
            _evs.Add(new SimulatedEv(neighbour, options.CrossTalkAttenuationDb, isCrossTalk: true));
        }
    }

    /// <summary>The EV under test reached Matched (it holds the EVSE's NMK).</summary>
    public event Action? EvMatched;

    /// <summary>The AVLN between the two modems is up.</summary>
    public bool LinkUp { get; private set; }

    public int SetKeyRequests { get; private set; }

    public SimulatedEvPhase EvPhase => Locked(() => _evs[0].Phase);

    public SimulatedEvPhase CrossTalkPhase => Locked(() => _evs.Count > 1 ? _evs[1].Phase : SimulatedEvPhase.Idle);

    public int EvAttenCharIndications => Locked(() => _evs[0].AttenCharIndications);

    public int EvMatchConfirms => Locked(() => _evs[0].MatchConfirms);

    public bool EvMatchConfirmsIdentical => Locked(() => _evs[0].MatchConfirmsIdentical);

    /// <summary>Starts (or restarts) the EV side of SLAC, for the EV and the cross-talk neighbour alike.</summary>
    public void StartEv() => Run(() =>
    {
        foreach (var ev in _evs)
        {
            BeginRun(ev);
        }
    });

    public void HandleFrame(ReadOnlySpan<byte> frame)
    {
        var copy = frame.ToArray();
        Run(() => Dispatch(copy));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var timer in _timers)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }
    }

    private void Dispatch(byte[] frame)
    {
        if (MmeFrame.TryParse(frame, out var header, out var payload) != MmeFrameError.None || IsOwnSource(header.Source))
        {
            return;
        }

        if (header.Destination == MacAddress.QcaLocalModem || header.Destination == _options.EvseModemAddress)
        {
            HandleModemRequest(header, payload);
            return;
        }

        var ev = _evs.FirstOrDefault(e => e.Address == header.Destination);
        if (ev is not null)
        {
            HandleEvFrame(ev, header, payload);
        }
    }

    private bool IsOwnSource(MacAddress source) => source == _options.EvseModemAddress || _evs.Any(e => e.Address == source);

    private void HandleModemRequest(in MmeHeader header, ReadOnlySpan<byte> payload)
    {
        switch (header.Type)
        {
            case MmeType.SetKeyReq when SetKeyReq.TryRead(payload, out var request):
                SetKeyRequests++;
                _evseHost = header.Source;
                _evseModemNmk = request.NewKey;
                LinkUp = false; // a new key makes the modem leave its AVLN
                Send(header.Source, _options.EvseModemAddress, new SetKeyCnf(
                    _options.Faults.SetKeyResult, RandomUInt(), request.MyNonce, request.ProtocolId, request.ProtocolRunNumber, request.ProtocolMessageNumber, 0));
                if (_options.AutoStartAfterSetKey is { } delay && !_autoStarted)
                {
                    _autoStarted = true;
                    After(delay, () => _evs.ForEach(BeginRun));
                }

                break;
            case MmeType.QcaSoftwareVersionReq:
                Send(header.Source, _options.EvseModemAddress, new QcaSoftwareVersionCnf(0, 0x20, _options.ModemFirmware));
                break;
            case MmeType.QcaLinkStatusReq:
                Send(header.Source, _options.EvseModemAddress, new QcaLinkStatusCnf(0, LinkUp ? QcaLinkStatusCnf.LinkUp : (byte)0));
                break;
            case MmeType.QcaResetDeviceReq:
                LinkUp = false;
                Send(header.Source, _options.EvseModemAddress, new QcaResetDeviceCnf(0));
                break;
            default:
                break;
        }
    }

    private void Send<T>(MacAddress destination, MacAddress source, in T message)
        where T : struct, IMmeMessage<T> => _send(MmeFrame.Build(destination, source, message));

    /// <summary>Runs <paramref name="action"/> under the lock after <paramref name="delay"/> of simulator time.</summary>
    private void After(TimeSpan delay, Action action)
    {
        ITimer? timer = null;
        timer = _time.CreateTimer(_ => Run(() =>
        {
            _timers.Remove(timer!);
            timer!.Dispose();
            action();
        }), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timers.Add(timer);
        timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private void Run(Action action)
    {
        Action? matched = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var before = _evs[0].Phase;
            action();
            if (before != SimulatedEvPhase.Matched && _evs[0].Phase == SimulatedEvPhase.Matched)
            {
                matched = EvMatched;
            }
        }

        matched?.Invoke();
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private static uint RandomUInt() => BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));
}
