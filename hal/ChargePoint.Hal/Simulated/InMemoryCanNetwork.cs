using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Simulated;

/// <summary>
/// A CAN bus in memory: every frame one endpoint sends is delivered synchronously to every other endpoint, as on
/// a wire. Used where no SocketCAN exists (CI kernels without vcan) and by the simulation. Silencing the network
/// drops every frame, like a cut bus.
/// </summary>
public sealed class InMemoryCanNetwork
{
    private readonly Lock _gate = new();
    private readonly List<Endpoint> _endpoints = [];

    public bool IsSilenced { get; set; }

    /// <summary>Every frame that crossed the network, for inspection.</summary>
    public IReadOnlyList<CanFrame> Trace
    {
        get
        {
            lock (_gate)
            {
                return [.. _trace];
            }
        }
    }

    private readonly List<CanFrame> _trace = [];

    public ICanBus CreateEndpoint()
    {
        var endpoint = new Endpoint(this);
        lock (_gate)
        {
            _endpoints.Add(endpoint);
        }

        return endpoint;
    }

    private void Deliver(Endpoint sender, CanFrame frame)
    {
        Endpoint[] receivers;
        lock (_gate)
        {
            if (IsSilenced)
            {
                return;
            }

            _trace.Add(frame);
            receivers = [.. _endpoints.Where(e => e != sender)];
        }

        foreach (var receiver in receivers)
        {
            receiver.Raise(frame);
        }
    }

    private void Remove(Endpoint endpoint)
    {
        lock (_gate)
        {
            _endpoints.Remove(endpoint);
        }
    }

    private sealed class Endpoint(InMemoryCanNetwork network) : ICanBus
    {
        public event EventHandler<CanFrame>? FrameReceived;

        public void Send(CanFrame frame) => network.Deliver(this, frame);

        public void Raise(CanFrame frame) => FrameReceived?.Invoke(this, frame);

        public void Dispose() => network.Remove(this);
    }
}
