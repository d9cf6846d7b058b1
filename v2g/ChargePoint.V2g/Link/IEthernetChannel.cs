namespace ChargePoint.V2g.Link;

/// <summary>
/// A raw Ethernet link carrying whole frames (destination, source, Ethertype, payload; no FCS). On the board it is
/// a packet socket on the PLC modem's interface; in simulation and tests it is an in-memory segment.
/// </summary>
public interface IEthernetChannel : IAsyncDisposable
{
    /// <summary>The MAC address of our own interface (the source of every frame we send).</summary>
    MacAddress LocalAddress { get; }

    /// <summary>Name of the interface, for logs.</summary>
    string InterfaceName { get; }

    ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken);

    /// <summary>Receives one frame into <paramref name="buffer"/> and returns its length.</summary>
    ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken);
}
