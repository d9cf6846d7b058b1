namespace ChargePoint.Ocpp.Rpc;

/// <summary>Sees every OCPP-J text frame on the WebSocket, for message traces and diagnostics. Called inline on
/// the I/O path: implementations must be fast, must not throw and must copy the frame if they keep it.</summary>
public interface IOcppFrameObserver
{
    void OnFrame(OcppFrameDirection direction, ReadOnlySpan<byte> utf8Frame);
}

public enum OcppFrameDirection
{
    Received,
    Sent,
}
