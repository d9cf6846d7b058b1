using System.CommandLine;
using ChargePoint.V2g.Link;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Simulators.PlcModem;

/// <summary>
/// <c>cpsim plc-modem --interface &lt;if&gt;</c>: plays the EVSE's modem, the EV's modem and the EV host on a real
/// interface (e.g. one end of a veth pair), starting the EV side a moment after the EVSE installs its key.
/// </summary>
public static class PlcModemCommand
{
    public const int ExitLinkError = 3;

    public static Command Create()
    {
        var interfaceOption = new Option<string>("--interface", "-i") { Description = "Interface facing the EVSE's PLC interface", Required = true };
        var setKeyResult = new Option<byte>("--set-key-result") { Description = "CM_SET_KEY.CNF result code (0x00 HomePlug, 0x01 QCA)", DefaultValueFactory = _ => 0 };
        var dropSounds = new Option<string?>("--drop-sounds") { Description = "Comma-separated zero-based sound indices to lose" };
        var reorder = new Option<bool>("--reorder-sounds") { Description = "Send sounds in reverse order, profiles first" };
        var rspDelay = new Option<int>("--atten-char-rsp-delay-ms") { Description = "Delay of CM_ATTEN_CHAR.RSP in ms" };
        var repeatMatch = new Option<int>("--repeat-match-req") { Description = "Extra CM_SLAC_MATCH.REQ to send" };
        var wrongRunId = new Option<WrongRunIdMode>("--wrong-run-id") { Description = "Put a wrong RunID into the EV's frames" };
        var crossTalk = new Option<string?>("--cross-talk-ev") { Description = "MAC of a second, distant EV running SLAC at the same time" };
        var linkLoss = new Option<int?>("--link-loss-after-ms") { Description = "Drop the AVLN this long after it came up" };
        var startDelay = new Option<int>("--start-delay-ms") { Description = "Start the EV this long after the first CM_SET_KEY.REQ", DefaultValueFactory = _ => 500 };
        var repetition = new Option<int>("--matching-repetition-ms") { Description = "TT_matching_repetition: retry a failed matching this long after the first run (0: never)" };
        var command = new Command("plc-modem", "Simulate the PLC modems and the EV host on an interface")
        {
            interfaceOption, setKeyResult, dropSounds, reorder, rspDelay, repeatMatch, wrongRunId, crossTalk, linkLoss, startDelay, repetition,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new PlcModemSimulatorOptions
            {
                AutoStartAfterSetKey = TimeSpan.FromMilliseconds(result.GetValue(startDelay)),
                MatchingRepetition = result.GetValue(repetition) is > 0 and var window ? TimeSpan.FromMilliseconds(window) : null,
                Faults = new PlcModemFaults
                {
                    SetKeyResult = result.GetValue(setKeyResult),
                    DroppedSounds = ParseIndices(result.GetValue(dropSounds)),
                    ReorderSounds = result.GetValue(reorder),
                    AttenCharResponseDelay = TimeSpan.FromMilliseconds(result.GetValue(rspDelay)),
                    RepeatedMatchRequests = result.GetValue(repeatMatch),
                    WrongRunId = result.GetValue(wrongRunId),
                    CrossTalkEv = result.GetValue(crossTalk) is { } mac ? MacAddress.Parse(mac) : null,
                    LinkLossAfter = result.GetValue(linkLoss) is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
                },
            };
            return await RunAsync(result.GetRequiredValue(interfaceOption), options, result.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(string interfaceName, PlcModemSimulatorOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        PacketSocketChannel channel;
        try
        {
            channel = PacketSocketChannel.Open(interfaceName, promiscuous: true);
        }
        catch (EthernetLinkException ex)
        {
            await error.WriteLineAsync($"cpsim plc-modem: {ex.Message}");
            return ExitLinkError;
        }

        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        await using var host = new PlcModemSimulatorHost(channel, options, TimeProvider.System, loggers);
        await error.WriteLineAsync($"cpsim plc-modem: simulating the modems and EV {options.EvAddress} on {interfaceName} ({channel.LocalAddress})");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }

    private static int[] ParseIndices(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();
}
