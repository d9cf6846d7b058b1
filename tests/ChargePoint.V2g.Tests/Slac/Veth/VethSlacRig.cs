using ChargePoint.Simulators.PlcModem;
using ChargePoint.TestUtilities.Netns;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.V2g.Tests.Slac.Veth;

/// <summary>
/// Our EVSE SLAC on the "secc" end and the PLC modem simulator on the "ev" end, each on a real AF_PACKET socket
/// opened inside its namespace, on real time.
/// </summary>
internal sealed class VethSlacRig : IAsyncDisposable
{
    private readonly FramePump _seccPump;
    private readonly FramePump _evPump;

    private VethSlacRig(NetworkNamespacePair pair, SlacOptions options, PlcModemSimulatorOptions simulatorOptions)
    {
        var seccLink = NetworkNamespacePair.RunIn(pair.Secc, () => PacketSocketChannel.Open(NetworkNamespacePair.SeccInterface));
        var evLink = NetworkNamespacePair.RunIn(pair.Ev, () => PacketSocketChannel.Open(NetworkNamespacePair.EvInterface, promiscuous: true));
        SeccLink = seccLink;
        EvLink = evLink;
        _seccPump = new FramePump(seccLink, NullLogger.Instance);
        _evPump = new FramePump(evLink, NullLogger.Instance);
        Evse = new EvseSlac(options, seccLink.LocalAddress, _seccPump.Enqueue, TimeProvider.System, Logger);
        Simulator = new PlcModemSimulator(simulatorOptions, _evPump.Enqueue, TimeProvider.System, NullLogger.Instance);
        Evse.LinkReady += ready => Outcome.TrySetResult((ready, null));
        Evse.ErrorRoutineRequested += request =>
        {
            Outcome.TrySetResult((null, request));
            ErrorRoutine.TrySetResult(request);
        };
        _seccPump.Start(Evse.HandleFrame);
        _evPump.Start(Simulator.HandleFrame);
    }

    public PacketSocketChannel SeccLink { get; }

    public PacketSocketChannel EvLink { get; }

    public ListLogger Logger { get; } = new();

    public EvseSlac Evse { get; }

    public PlcModemSimulator Simulator { get; }

    public TaskCompletionSource<(SlacLinkReady? Ready, SlacErrorRoutineRequest? Failure)> Outcome { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<SlacErrorRoutineRequest> ErrorRoutine { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Start-up (key installed), CP to B with 5 %, the EV starts SLAC; returns the first outcome.</summary>
    public static async Task<(VethSlacRig Rig, SlacLinkReady? Ready, SlacErrorRoutineRequest? Failure)> PlugAsync(
        NetworkNamespacePair pair, SlacOptions? options = null, Action<PlcModemFaults>? faults = null)
    {
        var simulatorOptions = new PlcModemSimulatorOptions();
        faults?.Invoke(simulatorOptions.Faults);
        var rig = new VethSlacRig(pair, options ?? TolerantOptions(), simulatorOptions);
        rig.Evse.Start();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!rig.Evse.KeyConfirmed && rig.Simulator.SetKeyRequests < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        rig.Evse.EnterBcd();
        rig.Simulator.StartEv();
        var (ready, failure) = await rig.Outcome.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return (rig, ready, failure);
    }

    /// <summary>
    /// ISO 15118-3 timers, with wider tolerances where a loaded CI host (2 cores, parallel test assemblies) can
    /// stall a real-time peer: late profiles, a late START_ATTEN_CHAR, late link-status answers. Sounding still
    /// ends as soon as all profiles are in, so the measured matching time is unaffected.
    /// </summary>
    public static SlacOptions TolerantOptions() => new()
    {
        SoundingGrace = TimeSpan.FromMilliseconds(400), // window + grace stays inside the EV's TT_EV_atten_results
        MatchSequenceTimeout = TimeSpan.FromSeconds(2),
        AttenCharRetries = 4,
        LinkLossDebounce = 5,
    };

    public async ValueTask DisposeAsync()
    {
        Evse.Dispose();
        Simulator.Dispose();
        await _seccPump.DisposeAsync();
        await _evPump.DisposeAsync();
        await SeccLink.DisposeAsync();
        await EvLink.DisposeAsync();
    }
}
