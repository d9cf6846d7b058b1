using ChargePoint.V2g.Link;
using Microsoft.Extensions.Logging;

namespace ChargePoint.V2g.Slac;

/// <summary>
/// The EVSE SLAC state machine running on an Ethernet channel: what the firmware starts at boot (a packet socket
/// on <see cref="SlacOptions.Interface"/>) or in simulation (a port of an in-memory segment). It installs a fresh
/// key at once; the firmware then drives <see cref="EvseSlac.EnterBcd"/>/<see cref="EvseSlac.LeaveBcd"/> from
/// the control pilot and acts on <see cref="EvseSlac.ErrorRoutineRequested"/> and <see cref="EvseSlac.LinkReady"/>.
/// </summary>
public sealed class EvseSlacLink : IAsyncDisposable
{
    private readonly FramePump _pump;

    private EvseSlacLink(IEthernetChannel channel, SlacOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        Channel = channel;
        _pump = new FramePump(channel, loggers.CreateLogger<FramePump>());
        Slac = new EvseSlac(options, channel.LocalAddress, _pump.Enqueue, time, loggers.CreateLogger<EvseSlac>());
    }

    public IEthernetChannel Channel { get; }

    public EvseSlac Slac { get; }

    /// <summary>Opens the PLC interface; throws <see cref="EthernetLinkException"/> with the reason when it cannot.</summary>
    public static EvseSlacLink OpenPacketSocket(SlacOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Start(PacketSocketChannel.Open(options.Interface), options, time, loggers);
    }

    /// <summary>Subscribe to the <see cref="Slac"/> events before the EV can answer: frames flow at once.</summary>
    public static EvseSlacLink Start(IEthernetChannel channel, SlacOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        var link = new EvseSlacLink(channel, options, time, loggers);
        link._pump.Start(link.Slac.HandleFrame);
        link.Slac.Start();
        return link;
    }

    public async ValueTask DisposeAsync()
    {
        Slac.Dispose();
        await _pump.DisposeAsync();
        await Channel.DisposeAsync();
    }
}
