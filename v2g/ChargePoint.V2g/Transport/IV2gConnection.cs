using System.Net;

namespace ChargePoint.V2g.Transport;

/// <summary>
/// One accepted (or dialled) V2G TCP/TLS connection, yielding and sending V2GTP messages.
/// A framing error or unknown payload type closes the connection; the caller sees it as the result of
/// <see cref="ReceiveAsync"/> and then gets <see cref="V2gtpReadStatus.EndOfStream"/>.
/// </summary>
public interface IV2gConnection : IAsyncDisposable
{
    /// <summary>Short id for logs and traces.</summary>
    string Id { get; }

    EndPoint? RemoteEndPoint { get; }

    EndPoint? LocalEndPoint { get; }

    V2gTransportSecurity Security { get; }

    /// <summary>Next message. Its payload is valid until the next call (decode it, or <c>Detach()</c> it).</summary>
    ValueTask<V2gtpReadResult> ReceiveAsync(CancellationToken cancellationToken = default);

    ValueTask SendAsync(V2gtpMessage message, CancellationToken cancellationToken = default);
}
