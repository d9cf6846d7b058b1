using System.Diagnostics;
using ChargePoint.Simulators.PlcModem;
using ChargePoint.V2g.Link;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Simulators.Ev;

/// <summary>
/// The EV's side of the PLC link for <c>cpsim ev --plc-modem</c>: the PLC modem simulator (both modems and the EV
/// host's SLAC) on the EV's interface. The EV keeps starting SLAC (TT_matching_repetition) until the EVSE, once its
/// pilot shows 5 %, answers and matches; the simulated modems then report the link up, and they must stay for the
/// whole session because the EVSE keeps polling the link status.
/// </summary>
public sealed class EvPlcLink : IAsyncDisposable
{
    private readonly PlcModemSimulatorHost _modem;
    private readonly TaskCompletionSource _matched = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _since = Stopwatch.StartNew();

    private EvPlcLink(PlcModemSimulatorHost modem)
    {
        _modem = modem;
        _modem.Simulator.EvMatched += () => _matched.TrySetResult();
    }

    /// <summary>The EV host's MAC (its EVCCID source).</summary>
    public MacAddress EvAddress { get; private init; }

    /// <summary>Opens <paramref name="interfaceName"/> (CAP_NET_RAW) and starts the EV side of SLAC; throws
    /// <see cref="EthernetLinkException"/> when the interface cannot be used.</summary>
    public static EvPlcLink Start(string interfaceName, TimeSpan matchingWindow, ILoggerFactory loggers)
    {
        var options = new PlcModemSimulatorOptions
        {
            // Started as soon as the EVSE installs its key, and again right away in case the EVSE was up first.
            AutoStartAfterSetKey = TimeSpan.FromMilliseconds(200),
            MatchingRepetition = matchingWindow,
        };
        var link = new EvPlcLink(new PlcModemSimulatorHost(PacketSocketChannel.Open(interfaceName, promiscuous: true), options, TimeProvider.System, loggers))
        {
            EvAddress = options.EvAddress,
        };
        link._modem.Simulator.StartEv();
        return link;
    }

    /// <summary>Waits until SLAC matched; returns the time since the link was started, or null after <paramref name="timeout"/>.</summary>
    public async Task<TimeSpan?> WaitMatchedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _matched.Task.WaitAsync(timeout, cancellationToken);
            return _since.Elapsed;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync() => _modem.DisposeAsync();
}
