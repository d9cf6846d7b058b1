using System.Buffers.Binary;
using ChargePoint.V2g.Exi;

namespace ChargePoint.Cli.Exi;

/// <summary>Turns the command-line input forms (hex, file, V2GTP frame) into an EXI stream and its schema set.</summary>
internal static class ExiInput
{
    /// <summary>Schema sets that use the same names as the reference vectors.</summary>
    public static readonly string[] SchemaNames =
        ["app-protocol", "iso15118-20-common", "iso15118-20-ac", "iso15118-20-dc", "iso15118-20-acdp", "iso15118-20-wpt", "iso15118-2", "din70121"];

    public static byte[] ParseHex(string hex)
    {
        var compact = string.Concat(hex.Where(c => !char.IsWhiteSpace(c)));
        if (compact.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            compact = compact[2..];
        }

        try
        {
            return Convert.FromHexString(compact);
        }
        catch (FormatException)
        {
            throw new CliInputException("--hex is not an even-length hexadecimal string.");
        }
    }

    public static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot read {path}: {ex.Message}");
        }
    }

    public static IExiSchemaSet Schema(string? name)
    {
        if (name is null)
        {
            throw new CliInputException("--schema is required (" + string.Join(", ", SchemaNames) + ").");
        }

        return ExiSchemaSets.Find(name) ?? throw new CliInputException($"unknown schema '{name}' (use one of {string.Join(", ", SchemaNames)}).");
    }

    /// <summary>
    /// Strips a V2GTP header (version 0x01, inverse 0xFE, payload type, payload length) and picks the schema
    /// from the payload type when only one set can be meant; 0x8001 is shared, so it needs --schema.
    /// </summary>
    public static (byte[] Payload, string? Schema) UnwrapV2gtp(byte[] frame, string? schema)
    {
        if (frame.Length < 8 || frame[0] != 0x01 || frame[1] != 0xFE)
        {
            throw new CliInputException("not a V2GTP frame (expected 8-byte header starting 01 fe).");
        }

        var payloadType = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(2));
        var length = BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(4));
        if (length != (uint)(frame.Length - 8))
        {
            throw new CliInputException($"V2GTP payload length {length} does not match the {frame.Length - 8} bytes after the header.");
        }

        var implied = payloadType switch
        {
            0x8002 or 0x8101 or 0x8102 => "iso15118-20-common",
            0x8003 => "iso15118-20-ac",
            0x8004 => "iso15118-20-dc",
            0x8005 or 0x8103 => "iso15118-20-acdp",
            0x8006 => "iso15118-20-wpt",
            0x8001 => null,
            _ => throw new CliInputException($"V2GTP payload type 0x{payloadType:x4} does not carry EXI."),
        };
        if (implied is not null && schema is not null && schema != implied)
        {
            throw new CliInputException($"V2GTP payload type 0x{payloadType:x4} carries {implied}, not {schema}.");
        }

        var chosen = implied ?? schema
            ?? throw new CliInputException("V2GTP payload type 0x8001 is used by app-protocol, iso15118-2 and din70121: pass --schema.");
        return (frame[8..], chosen);
    }
}

/// <summary>Invalid command-line input: reported as one line on stderr with exit code 2.</summary>
internal sealed class CliInputException(string message) : Exception(message);
