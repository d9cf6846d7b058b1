namespace ChargePoint.V2g.Transport;

/// <summary>Observes every V2GTP frame on a connection, for message traces and diagnostics. Called inline
/// on the I/O path: implementations must be fast and must not keep the payload (copy it if needed).</summary>
public interface IV2gPacketInspector
{
    void OnFrame(string connectionId, V2gtpDirection direction, V2gtpMessage message);

    void OnFramingError(string connectionId, V2gtpHeaderError error);
}

public enum V2gtpDirection
{
    Received,
    Sent,
}
