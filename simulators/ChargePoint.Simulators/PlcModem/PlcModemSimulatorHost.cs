using ChargePoint.V2g.Link;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Simulators.PlcModem;

/// <summary>
/// Runs a <see cref="PlcModemSimulator"/> on an Ethernet channel: a packet socket on its own interface (the
/// <c>cpsim plc-modem</c> command) or a port of an in-memory segment (the firmware's simulation mode).
/// </summary>
public sealed class PlcModemSimulatorHost : IAsyncDisposable
{
    private readonly FramePump _pump;

    public PlcModemSimulatorHost(IEthernetChannel channel, PlcModemSimulatorOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(loggers);
        Channel = channel;
        _pump = new FramePump(channel, loggers.CreateLogger<FramePump>());
        Simulator = new PlcModemSimulator(options, _pump.Enqueue, time, loggers.CreateLogger<PlcModemSimulator>());
        _pump.Start(Simulator.HandleFrame);
    }

    public IEthernetChannel Channel { get; }

    public PlcModemSimulator Simulator { get; }

    public async ValueTask DisposeAsync()
    {
        Simulator.Dispose();
        await _pump.DisposeAsync();
        await Channel.DisposeAsync();
    }
}
