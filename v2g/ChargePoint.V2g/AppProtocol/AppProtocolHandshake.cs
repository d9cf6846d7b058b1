using ChargePoint.V2g.Exi;
using ChargePoint.V2g.Exi.AppProtocol;
using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.AppProtocol;

/// <summary>
/// Runs SupportedAppProtocol as the first exchange on a V2G connection: read one 0x8001 frame, decode it,
/// negotiate, answer with 0x8001. Anything else first (wrong payload type, undecodable EXI, a framing error,
/// the peer leaving) ends with <see cref="AppProtocolHandshakeResult.Failure"/> and the connection closed.
/// </summary>
public static class AppProtocolHandshake
{
    private const int ResponseBufferSize = 64;

    public static async Task<AppProtocolHandshakeResult> RunAsync(
        IV2gConnection connection,
        IReadOnlyList<SupportedAppProtocol> supported,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var received = await connection.ReceiveAsync(cancellationToken);
        if (received.Status != V2gtpReadStatus.Message)
        {
            return AppProtocolHandshakeResult.Failed(received.Status == V2gtpReadStatus.EndOfStream
                ? AppProtocolFailure.ConnectionClosed
                : AppProtocolFailure.FramingError);
        }

        if (received.Message.PayloadType != (ushort)V2gtpPayloadType.SapOrLegacyExi)
        {
            await connection.DisposeAsync();
            return AppProtocolHandshakeResult.Failed(AppProtocolFailure.UnexpectedPayloadType);
        }

        supportedAppProtocolReqType request;
        try
        {
            request = AppProtocolCodec.DecodesupportedAppProtocolReq(received.Message.Payload.Span);
        }
        catch (ExiException)
        {
            // Malformed EXI is not answerable: close the connection.
            await connection.DisposeAsync();
            return AppProtocolHandshakeResult.Failed(AppProtocolFailure.MalformedExi);
        }

        var negotiation = AppProtocolNegotiator.Negotiate(request, supported, connection.Security);
        var buffer = new byte[ResponseBufferSize];
        var length = AppProtocolCodec.Encode(negotiation.Response, buffer);
        await connection.SendAsync(new V2gtpMessage(V2gtpPayloadType.SapOrLegacyExi, buffer.AsMemory(0, length)), cancellationToken);
        return new AppProtocolHandshakeResult(negotiation, request, AppProtocolFailure.None);
    }
}

public sealed record AppProtocolHandshakeResult(AppProtocolNegotiation? Negotiation, supportedAppProtocolReqType? Request, AppProtocolFailure Failure)
{
    public bool Succeeded => Negotiation?.Succeeded == true;

    public static AppProtocolHandshakeResult Failed(AppProtocolFailure failure) => new(null, null, failure);
}

public enum AppProtocolFailure
{
    None,
    ConnectionClosed,
    FramingError,
    UnexpectedPayloadType,
    MalformedExi,
}
