using System.Text;
using System.Text.Json;
using ChargePoint.Firmware.Contracts.Diagnostics;
using ChargePoint.V2g.Exi;

namespace ChargePoint.Firmware.Diagnostics;

/// <summary>Readable text of a traced message: V2G EXI decoded to XML, OCPP frames as indented JSON.</summary>
internal static class TraceText
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static TraceMessage ToMessage(TraceRecord record) =>
        new(record.Timestamp, record.Protocol, record.Direction, record.Connection, record.PayloadType, record.Raw,
            record.Protocol == TraceProtocols.V2gtp ? V2gXml(record.PayloadType, record.Raw) : OcppJson(record.Raw));

    /// <summary>The schema set follows from the V2GTP payload type; 0x8001 is shared by the handshake, DIN 70121
    /// and ISO 15118-2, so those are tried in the order a session uses them.</summary>
    public static string V2gXml(int? payloadType, byte[] exi)
    {
        string[] candidates = payloadType switch
        {
            0x8001 => ["app-protocol", "iso15118-2", "din70121"],
            0x8002 or 0x8101 or 0x8102 => ["iso15118-20-common"],
            0x8003 => ["iso15118-20-ac"],
            0x8004 => ["iso15118-20-dc"],
            0x8005 or 0x8103 => ["iso15118-20-acdp"],
            0x8006 => ["iso15118-20-wpt"],
            _ => [],
        };
        string? failure = null;
        foreach (var name in candidates)
        {
            var set = ExiSchemaSets.Find(name);
            if (set is null)
            {
                continue;
            }

            try
            {
                return set.ToXml(set.Decode(exi));
            }
            catch (ExiException ex)
            {
                failure ??= ex.Message;
            }
        }

        return $"<!-- not decodable ({failure ?? $"payload type 0x{payloadType:x4} carries no EXI"}): {Convert.ToHexStringLower(exi)} -->";
    }

    public static string OcppJson(byte[] utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, Indented))
            {
                document.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (JsonException)
        {
            // A malformed frame is traced as received: that is what the technician needs to see.
            return Encoding.UTF8.GetString(utf8);
        }
    }
}
