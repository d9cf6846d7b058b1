using ChargePoint.Simulators.PlcModem;
using ChargePoint.TestUtilities;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac;
using ChargePoint.V2g.Slac.Messages;

namespace ChargePoint.V2g.Tests.Slac;

/// <summary>
/// The EVSE SLAC core and the PLC modem simulator wired back to back on fake time: frames queue up and are
/// delivered between clock steps, so a run is deterministic and takes no real time.
/// </summary>
internal sealed class SlacBench : IDisposable
{
    public static readonly MacAddress EvseAddress = MacAddress.Parse("02:00:00:00:5e:01");

    private readonly Queue<(bool FromEvse, byte[] Frame)> _wire = new();

    public SlacBench(SlacOptions? options = null, Action<PlcModemFaults>? faults = null)
    {
        Options = options ?? new SlacOptions();
        SimulatorOptions = new PlcModemSimulatorOptions();
        faults?.Invoke(SimulatorOptions.Faults);
        Evse = new EvseSlac(Options, EvseAddress, f => Capture(true, f), Time, Logger);
        Simulator = new PlcModemSimulator(SimulatorOptions, f => Capture(false, f), Time, new ListLogger());
        Evse.LinkReady += ready => LinkReady.Add((ready, Time.GetUtcNow()));
        Evse.ErrorRoutineRequested += request => ErrorRoutines.Add((request, Time.GetUtcNow()));
    }

    public FakeTimeProvider Time { get; } = new();

    public ListLogger Logger { get; } = new();

    public SlacOptions Options { get; }

    public PlcModemSimulatorOptions SimulatorOptions { get; }

    public EvseSlac Evse { get; }

    public PlcModemSimulator Simulator { get; }

    public List<(SlacLinkReady Ready, DateTimeOffset At)> LinkReady { get; } = [];

    public List<(SlacErrorRoutineRequest Request, DateTimeOffset At)> ErrorRoutines { get; } = [];

    /// <summary>Every frame the EVSE sent, in order.</summary>
    public List<byte[]> SentByEvse { get; } = [];

    /// <summary>Every frame the simulator sent, in order.</summary>
    public List<byte[]> SentBySimulator { get; } = [];

    public int CountSentByEvse(ushort type) => SentByEvse.Count(f => MmeFrame.TryParse(f, out var h, out _) == MmeFrameError.None && h.Type == type);

    /// <summary>Start-up, CP to B with 5 %, and the EV begins SLAC.</summary>
    public SlacBench Plug()
    {
        Evse.Start();
        Run(TimeSpan.FromMilliseconds(50));
        Evse.EnterBcd();
        Simulator.StartEv();
        return this;
    }

    public void Run(TimeSpan duration)
    {
        var end = Time.GetUtcNow() + duration;
        Deliver();
        while (Time.GetUtcNow() < end)
        {
            Time.Advance(TimeSpan.FromMilliseconds(1));
            Deliver();
        }
    }

    /// <summary>Runs until <paramref name="done"/> holds or <paramref name="limit"/> of fake time passed.</summary>
    public bool RunUntil(Func<bool> done, TimeSpan limit)
    {
        var end = Time.GetUtcNow() + limit;
        Deliver();
        while (!done() && Time.GetUtcNow() < end)
        {
            Time.Advance(TimeSpan.FromMilliseconds(1));
            Deliver();
        }

        return done();
    }

    public void InjectToEvse(byte[] frame) => _wire.Enqueue((false, frame));

    public void Dispose()
    {
        Evse.Dispose();
        Simulator.Dispose();
    }

    private void Capture(bool fromEvse, byte[] frame)
    {
        (fromEvse ? SentByEvse : SentBySimulator).Add(frame);

        _wire.Enqueue((fromEvse, frame));
    }

    private void Deliver()
    {
        while (_wire.TryDequeue(out var item))
        {
            if (item.FromEvse)
            {
                Simulator.HandleFrame(item.Frame);
            }
            else
            {
                Evse.HandleFrame(item.Frame);
            }
        }
    }
}
