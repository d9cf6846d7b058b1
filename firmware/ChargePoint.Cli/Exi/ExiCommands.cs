using System.CommandLine;
using System.Text;
using System.Text.Json;
using ChargePoint.V2g.Exi;

namespace ChargePoint.Cli.Exi;

/// <summary><c>cpdiag exi decode|encode|bench</c>: the EXI codec for technicians (issue 3 command-line contract).</summary>
internal sealed class ExiCommands(CliConsole console)
{
    private readonly Option<string> _schemaOption = new("--schema") { Description = "Schema set: " + string.Join(", ", ExiInput.SchemaNames) };
    private readonly Option<string> _hexOption = new("--hex") { Description = "EXI stream (or V2GTP frame with --v2gtp) as hex." };
    private readonly Option<string> _fileOption = new("--file") { Description = "Read the input from this file." };
    private readonly Option<bool> _v2gtpOption = new("--v2gtp") { Description = "Input is a whole V2GTP frame; the schema follows from its payload type where unambiguous." };
    private readonly Option<int> _iterationsOption = new("--iterations") { Description = "Operations per timed run.", DefaultValueFactory = _ => 10_000 };
    private readonly Option<bool> _jsonOption = new("--json") { Description = "Print one JSON object." };

    public static Command Create(CliConsole console)
    {
        var commands = new ExiCommands(console);
        var exi = new Command("exi", "Decode, encode and time ISO 15118 / DIN 70121 EXI streams.");
        exi.Subcommands.Add(commands.Decode());
        exi.Subcommands.Add(commands.Encode());
        exi.Subcommands.Add(commands.Bench());
        return exi;
    }

    private Command Decode()
    {
        var command = new Command("decode", "Decode an EXI stream and print it as XML.") { _schemaOption, _hexOption, _fileOption, _v2gtpOption };
        command.SetAction(result => Run(output =>
        {
            var (set, stream) = ReadStream(result);
            output.WriteLine(set.ToXml(set.Decode(stream)));
        }));
        return command;
    }

    private Command Encode()
    {
        var command = new Command("encode", "Encode XML (stdin or --file) and print the EXI stream as lowercase hex.") { _schemaOption, _fileOption };
        command.SetAction(result => Run(output =>
        {
            var set = ExiInput.Schema(result.GetValue(_schemaOption));
            var file = result.GetValue(_fileOption);
            var xml = file is null ? console.In.ReadToEnd() : Encoding.UTF8.GetString(ExiInput.ReadFile(file));
            var buffer = new byte[ExiLimits.MaxMessageBytes];
            var length = set.Encode(set.FromXml(xml), buffer);
            output.WriteLine(Convert.ToHexStringLower(buffer, 0, length));
        }));
        return command;
    }

    private Command Bench()
    {
        var command = new Command("bench", "Time decode and re-encode of a stream on this machine (median of 5 runs after warm-up).")
        {
            _schemaOption, _hexOption, _fileOption, _v2gtpOption, _iterationsOption, _jsonOption,
        };
        command.SetAction(result => Run(output =>
        {
            var (set, stream) = ReadStream(result);
            var iterations = result.GetValue(_iterationsOption);
            if (iterations <= 0)
            {
                throw new CliInputException("--iterations must be positive.");
            }

            var measurement = ExiBench.Measure(set, stream, iterations);
            if (result.GetValue(_jsonOption))
            {
                output.WriteLine(JsonSerializer.Serialize(measurement, ExiBenchJson.Default.ExiBenchResult));
            }
            else
            {
                output.WriteLine($"decode: {measurement.DecodeNs:F1} ns/op, {measurement.DecodeAllocatedBytes} B/op");
                output.WriteLine($"encode: {measurement.EncodeNs:F1} ns/op, {measurement.EncodeAllocatedBytes} B/op");
            }
        }));
        return command;
    }

    private (IExiSchemaSet Set, byte[] Stream) ReadStream(ParseResult result)
    {
        var hex = result.GetValue(_hexOption);
        var file = result.GetValue(_fileOption);
        if ((hex is null) == (file is null))
        {
            throw new CliInputException("give exactly one of --hex or --file.");
        }

        var bytes = hex is not null ? ExiInput.ParseHex(hex) : ExiInput.ReadFile(file!);
        var schema = result.GetValue(_schemaOption);
        if (result.GetValue(_v2gtpOption))
        {
            (bytes, schema) = ExiInput.UnwrapV2gtp(bytes, schema);
        }

        return (ExiInput.Schema(schema), bytes);
    }

    private int Run(Action<TextWriter> action)
    {
        var output = console.Out;
        var error = console.Error;
        try
        {
            action(output);
            return CliApplication.ExitOk;
        }
        catch (Exception ex) when (ex is CliInputException or ExiException)
        {
            error.WriteLine("cpdiag: " + ex.Message.ReplaceLineEndings(" "));
            return CliApplication.ExitInvalidInput;
        }
    }
}
