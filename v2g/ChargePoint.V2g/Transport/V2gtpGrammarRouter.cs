using ChargePoint.V2g.AppProtocol;
using ChargePoint.V2g.Exi;
using ChargePoint.V2g.Exi.AppProtocol;
using ChargePoint.V2g.Exi.Din;
using ChargePoint.V2g.Exi.Iso2;
using ChargePoint.V2g.Exi.Iso20.Ac;
using ChargePoint.V2g.Exi.Iso20.Acdp;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;
using ChargePoint.V2g.Exi.Iso20.Dc;
using ChargePoint.V2g.Exi.Iso20.Wpt;

namespace ChargePoint.V2g.Transport;

/// <summary>
/// Payload-type dispatch: which EXI grammar decodes a V2GTP payload. In -20 every message set is its own
/// grammar named by the payload type (0x8002 common, 0x8003 AC, 0x8004 DC, 0x8005 ACDP, 0x8006 WPT) and
/// 0x8001 is SupportedAppProtocol only; in -2 and DIN 70121 everything after SupportedAppProtocol is 0x8001
/// in that protocol's grammar.
/// </summary>
public static class V2gtpGrammarRouter
{
    /// <summary>The grammar for <paramref name="payloadType"/> given the protocol agreed in SupportedAppProtocol
    /// (null before it). Null when the payload type has no grammar in this phase: the caller closes the
    /// connection. The multiplexed types (0x8101–0x8104) are not supported yet and also give null.</summary>
    public static IExiSchemaSet? GrammarFor(ushort payloadType, V2gApplicationProtocol? negotiated)
    {
        if (negotiated is null)
        {
            return payloadType == (ushort)V2gtpPayloadType.SapOrLegacyExi ? AppProtocolCodec.Schema : null;
        }

        if (!V2gApplicationProtocols.IsIso20(negotiated.Value))
        {
            return payloadType != (ushort)V2gtpPayloadType.SapOrLegacyExi
                ? null
                : negotiated == V2gApplicationProtocol.Iso2 ? Iso2Codec.Schema : Din70121Codec.Schema;
        }

        return (V2gtpPayloadType)payloadType switch
        {
            V2gtpPayloadType.CommonMessages => Iso20CommonCodec.Schema,
            V2gtpPayloadType.AcMessages => Iso20AcCodec.Schema,
            V2gtpPayloadType.DcMessages => Iso20DcCodec.Schema,
            V2gtpPayloadType.AcdpMessages => Iso20AcdpCodec.Schema,
            V2gtpPayloadType.WptMessages => Iso20WptCodec.Schema,
            _ => null,
        };
    }

    /// <summary>Decodes <paramref name="message"/> with its grammar. Errors are values: an unroutable payload
    /// type or malformed EXI, both of which end the connection.</summary>
    public static V2gDecodeResult Decode(V2gtpMessage message, V2gApplicationProtocol? negotiated)
    {
        var grammar = GrammarFor(message.PayloadType, negotiated);
        if (grammar is null)
        {
            return new V2gDecodeResult(null, null, V2gDecodeError.NoGrammarForPayloadType);
        }

        try
        {
            return new V2gDecodeResult(grammar, grammar.Decode(message.Payload.Span), V2gDecodeError.None);
        }
        catch (ExiException)
        {
            return new V2gDecodeResult(grammar, null, V2gDecodeError.MalformedExi);
        }
    }
}

/// <summary>A decoded payload (<see cref="Document"/> is the grammar's generated document type) or why not.</summary>
public sealed record V2gDecodeResult(IExiSchemaSet? Grammar, object? Document, V2gDecodeError Error)
{
    public bool Succeeded => Error == V2gDecodeError.None;
}

public enum V2gDecodeError
{
    None,
    NoGrammarForPayloadType,
    MalformedExi,
}
