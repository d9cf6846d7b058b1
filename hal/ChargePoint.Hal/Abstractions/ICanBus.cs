namespace ChargePoint.Hal.Abstractions;

/// <summary>A CAN bus endpoint (SocketCAN on Linux, in-memory in tests and simulation).</summary>
public interface ICanBus : IDisposable
{
    void Send(CanFrame frame);

    /// <summary>Raised for every received frame, on the bus's receive thread.</summary>
    event EventHandler<CanFrame>? FrameReceived;
}
