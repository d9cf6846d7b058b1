using System.Threading.Channels;

namespace ChargePoint.V2g.Link;

/// <summary>
/// An in-memory Ethernet segment (a hub): every frame a port sends reaches every other port, like a veth pair or
/// the PLC medium. Used by the firmware's simulation mode and by tests that need no raw sockets.
/// </summary>
public sealed class InMemoryEthernetSegment
{
    private readonly Lock _gate = new();
    private readonly List<Port> _ports = [];

    public IEthernetChannel CreatePort(MacAddress address, string name = "sim0")
    {
        var port = new Port(this, address, name);
        lock (_gate)
        {
            _ports.Add(port);
        }

        return port;
    }

    private void Deliver(Port sender, ReadOnlyMemory<byte> frame)
    {
        Port[] targets;
        lock (_gate)
        {
            targets = _ports.Where(p => p != sender).ToArray();
        }

        foreach (var target in targets)
        {
            target.Inbox.Writer.TryWrite(frame.ToArray());
        }
    }

    private void Remove(Port port)
    {
        lock (_gate)
        {
            _ports.Remove(port);
        }
    }

    private sealed class Port(InMemoryEthernetSegment segment, MacAddress address, string name) : IEthernetChannel
    {
        public Channel<byte[]> Inbox { get; } = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest });

        public MacAddress LocalAddress => address;

        public string InterfaceName => name;

        public ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
        {
            segment.Deliver(this, frame);
            return ValueTask.CompletedTask;
        }

        public async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            var frame = await Inbox.Reader.ReadAsync(cancellationToken);
            var length = Math.Min(frame.Length, buffer.Length);
            frame.AsSpan(0, length).CopyTo(buffer.Span);
            return length;
        }

        public ValueTask DisposeAsync()
        {
            segment.Remove(this);
            Inbox.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }
    }
}
