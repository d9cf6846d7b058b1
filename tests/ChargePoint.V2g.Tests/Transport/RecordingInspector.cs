using System.Collections.Concurrent;
using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.Tests.Transport;

/// <summary>Keeps a copy of every frame and error the connection reports.</summary>
internal sealed class RecordingInspector : IV2gPacketInspector
{
    public ConcurrentQueue<(string Connection, V2gtpDirection Direction, V2gtpMessage Message)> Frames { get; } = new();

    public ConcurrentQueue<(string Connection, V2gtpHeaderError Error)> Errors { get; } = new();

    public void OnFrame(string connectionId, V2gtpDirection direction, V2gtpMessage message) =>
        Frames.Enqueue((connectionId, direction, message.Detach()));

    public void OnFramingError(string connectionId, V2gtpHeaderError error) => Errors.Enqueue((connectionId, error));
}
