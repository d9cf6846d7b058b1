using System.Collections.Concurrent;
using ChargePoint.V2g.Exi;
using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.Ac;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;
using ChargePoint.V2g.Exi.Iso20.Dc;
using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.Secc;

/// <summary>
/// Maps -20 messages to their EXI grammar and V2GTP payload type: CommonMessages 0x8002, AC 0x8003, DC 0x8004.
/// Each message set is a separate grammar, so decoding dispatches on the payload type and a response goes out
/// with the payload type of the schema it belongs to. Used by the SECC and the EV simulator.
/// </summary>
public static class Iso20MessageCodec
{
    private static readonly ConcurrentDictionary<Type, (V2gtpPayloadType PayloadType, int Root)> Roots = new();

    /// <summary>Decodes a -20 message. Throws <see cref="ExiException"/> for malformed EXI, an unknown payload
    /// type or a root that is not a V2G message (e.g. a bare fragment).</summary>
    public static V2GMessageType Decode(ushort payloadType, ReadOnlySpan<byte> payload)
    {
        object value = (V2gtpPayloadType)payloadType switch
        {
            V2gtpPayloadType.CommonMessages => Iso20CommonCodec.Decode(payload).Value,
            V2gtpPayloadType.AcMessages => Iso20AcCodec.Decode(payload).Value,
            V2gtpPayloadType.DcMessages => Iso20DcCodec.Decode(payload).Value,
            _ => throw new ExiException($"Payload type 0x{payloadType:X4} carries no ISO 15118-20 message set we speak."),
        };
        return value as V2GMessageType ?? throw new ExiException($"Root {value.GetType().Name} is not a V2G message.");
    }

    /// <summary>Encodes <paramref name="message"/>; returns the payload type and the bytes written.</summary>
    public static (V2gtpPayloadType PayloadType, int Length) Encode(V2GMessageType message, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (payloadType, root) = Roots.GetOrAdd(message.GetType(), RootOf);
        var length = payloadType switch
        {
            V2gtpPayloadType.CommonMessages => Iso20CommonCodec.Encode(new Iso20CommonDocument((Iso20CommonRoot)root, message), destination),
            V2gtpPayloadType.AcMessages => Iso20AcCodec.Encode(new Iso20AcDocument((Iso20AcRoot)root, message), destination),
            _ => Iso20DcCodec.Encode(new Iso20DcDocument((Iso20DcRoot)root, message), destination),
        };
        return (payloadType, length);
    }

    /// <summary>Element name of a message (its type name without the <c>Type</c> suffix), for traces.</summary>
    public static string NameOf(V2GMessageType message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var name = message.GetType().Name;
        return name.EndsWith("Type", StringComparison.Ordinal) ? name[..^4] : name;
    }

    /// <summary>XML form of a message, for readable traces.</summary>
    public static string ToXml(V2GMessageType message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (payloadType, root) = Roots.GetOrAdd(message.GetType(), RootOf);
        return payloadType switch
        {
            V2gtpPayloadType.CommonMessages => Iso20CommonCodec.ToXml(new Iso20CommonDocument((Iso20CommonRoot)root, message)),
            V2gtpPayloadType.AcMessages => Iso20AcCodec.ToXml(new Iso20AcDocument((Iso20AcRoot)root, message)),
            _ => Iso20DcCodec.ToXml(new Iso20DcDocument((Iso20DcRoot)root, message)),
        };
    }

    private static (V2gtpPayloadType, int) RootOf(Type type)
    {
        var name = type.Name.EndsWith("Type", StringComparison.Ordinal) ? type.Name[..^4] : type.Name;
        var ns = type.Namespace ?? string.Empty;
        if (ns.EndsWith(".CommonMessages", StringComparison.Ordinal) && Enum.TryParse<Iso20CommonRoot>(name, out var common))
        {
            return (V2gtpPayloadType.CommonMessages, (int)common);
        }

        if (ns.EndsWith(".Ac", StringComparison.Ordinal) && Enum.TryParse<Iso20AcRoot>(name, out var ac))
        {
            return (V2gtpPayloadType.AcMessages, (int)ac);
        }

        if (ns.EndsWith(".Dc", StringComparison.Ordinal) && Enum.TryParse<Iso20DcRoot>(name, out var dc))
        {
            return (V2gtpPayloadType.DcMessages, (int)dc);
        }

        throw new ArgumentException($"{type.Name} is not a root element of an ISO 15118-20 message set.", nameof(type));
    }
}
