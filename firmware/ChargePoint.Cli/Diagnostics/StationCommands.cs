using System.CommandLine;
using System.Text.Json;
using ChargePoint.Cli.Pcap;
using ChargePoint.Firmware.Contracts.Diagnostics;
using Spectre.Console;

namespace ChargePoint.Cli.Diagnostics;

/// <summary><c>cpdiag status|live|sessions|settlement|trace|selftest|limit|priority</c>: commands answered by the running firmware over its socket.</summary>
internal sealed class StationCommands(CliConsole console, Option<string> socketOption)
{
    public IEnumerable<Command> Create() => [Status(), Live(), Sessions(), Settlement(), Trace(), SelfTest(), Limit(), Priority()];

    private static Option<bool> Json() => new("--json") { Description = "Print JSON (one object; `live`: one object per line) for scripts." };

    private Command Status()
    {
        var json = Json();
        var command = new Command("status", "Per EVSE: pilot, SLAC, V2G session and protocol, OCPP link, transaction, effective limits and setpoint, active faults.") { json };
        command.SetAction((result, ct) => RunAsync(result, async client =>
        {
            var status = (await client.AskAsync(new DiagnosticsRequest { Command = DiagnosticsCommands.Status }, ct).ConfigureAwait(false)).Status
                ?? throw Malformed("status");
            if (result.GetValue(json))
            {
                Print(JsonSerializer.Serialize(status, DiagnosticsJsonContext.Default.StationStatus));
            }
            else
            {
                console.Ansi().Write(StationViews.Status(status));
            }

            return CliExitCodes.Ok;
        }, ct));
        return command;
    }

    private Command Live()
    {
        var json = Json();
        var interval = new Option<int>("--interval") { Description = "Refresh period in milliseconds (100 to 10000).", DefaultValueFactory = _ => 1000 };
        var count = new Option<int?>("--count") { Description = "Stop after this many samples (default: until Ctrl+C)." };
        var command = new Command("live", "A refreshing view of power, current, voltage, SoC, imported/exported energy and setpoints.") { json, interval, count };
        command.SetAction((result, ct) => RunAsync(result, async client =>
        {
            var limit = result.GetValue(count);
            if (limit is <= 0)
            {
                throw new CliFailureException(CliExitCodes.InvalidInput, "--count must be positive.");
            }

            await client.SendAsync(new DiagnosticsRequest { Command = DiagnosticsCommands.Live, IntervalMilliseconds = result.GetValue(interval) }, ct).ConfigureAwait(false);
            var samples = client.ReadAllAsync(ct);
            if (result.GetValue(json))
            {
                await ForEachSampleAsync(samples, limit, s => Print(JsonSerializer.Serialize(s, DiagnosticsJsonContext.Default.LiveSample))).ConfigureAwait(false);
                return CliExitCodes.Ok;
            }

            var latest = new Dictionary<int, LiveSample>();
            await console.Ansi().Live(StationViews.Live(latest)).StartAsync(async context =>
                await ForEachSampleAsync(samples, limit, s =>
                {
                    latest[s.EvseId] = s;
                    context.UpdateTarget(StationViews.Live(latest));
                }).ConfigureAwait(false)).ConfigureAwait(false);
            return CliExitCodes.Ok;
        }, ct));
        return command;
    }

    private Command Sessions()
    {
        var json = Json();
        var command = new Command("sessions", "Recent sessions: start/stop, energy imported, exported and net, stop reason.") { json };
        command.SetAction((result, ct) => RunAsync(result, async client =>
        {
            var sessions = (await client.AskAsync(new DiagnosticsRequest { Command = DiagnosticsCommands.Sessions }, ct).ConfigureAwait(false)).Sessions
                ?? throw Malformed("sessions");
            if (result.GetValue(json))
            {
                Print(JsonSerializer.Serialize(sessions, DiagnosticsJsonContext.Default.IReadOnlyListSessionSummary));
            }
            else
            {
                console.Ansi().Write(StationViews.Sessions(sessions));
            }

            return CliExitCodes.Ok;
        }, ct));
        return command;
    }

    private Command Settlement()
    {
        var json = Json();
        var transaction = new Option<string>("--transaction") { Description = "Only this transaction's record." };
        var command = new Command("settlement", "Per-transaction settlement kept by the station: imported Wh (billed), exported Wh (credited), net, registers.") { json, transaction };
        command.SetAction((result, ct) => RunAsync(result, async client =>
        {
            var records = (await client.AskAsync(new DiagnosticsRequest { Command = DiagnosticsCommands.Settlement, TransactionId = result.GetValue(transaction) }, ct).ConfigureAwait(false)).Settlement
                ?? throw Malformed("settlement");
            if (result.GetValue(json))
            {
                Print(JsonSerializer.Serialize(records, DiagnosticsJsonContext.Default.IReadOnlyListSettlementSummary));
            }
            else
            {
                console.Ansi().Write(StationViews.Settlement(records));
            }

            return CliExitCodes.Ok;
        }, ct));
        return command;
    }

    private Command Limit()
    {
        var json = Json();
        var evse = new Option<int>("--evse") { Description = "0 for the grid connection (default), otherwise the EVSE.", DefaultValueFactory = _ => 0 };
        var charge = new Option<double>("--charge-watts") { Description = "Charge ceiling in W.", Required = true };
        var discharge = new Option<double?>("--discharge-watts") { Description = "Discharge ceiling in W (default: the site does not bound discharge)." };
        var set = new Command("set", "Set (or replace) the site energy manager's limit; the CSMS is notified (NotifyChargingLimit).") { json, evse, charge, discharge };
        set.SetAction((result, ct) => AskControlAsync(result, new DiagnosticsRequest
        {
            Command = DiagnosticsCommands.Limit,
            EvseId = result.GetValue(evse),
            ChargeLimitWatts = result.GetValue(charge),
            DischargeLimitWatts = result.GetValue(discharge),
        }, json, ct));
        var clearEvse = new Option<int>("--evse") { Description = "0 for the grid connection (default), otherwise the EVSE.", DefaultValueFactory = _ => 0 };
        var clearJson = Json();
        var clear = new Command("clear", "Release the site energy manager's limit; the CSMS is notified (ClearedChargingLimit).") { clearJson, clearEvse };
        clear.SetAction((result, ct) => AskControlAsync(result, new DiagnosticsRequest { Command = DiagnosticsCommands.Limit, EvseId = result.GetValue(clearEvse), Clear = true }, clearJson, ct));
        var command = new Command("limit", "The site energy manager's input: a charge/discharge ceiling the station applies as an external constraint (EMS).");
        command.Subcommands.Add(set);
        command.Subcommands.Add(clear);
        return command;
    }

    private Command Priority()
    {
        var command = new Command("priority", "Priority charging of the EVSE's running transaction, requested at the station (K22; the CSMS is told).");
        foreach (var (name, activate) in new[] { ("on", true), ("off", false) })
        {
            var json = Json();
            var evse = new Option<int>("--evse") { Description = "The EVSE (default 1).", DefaultValueFactory = _ => 1 };
            var sub = new Command(name, activate ? "Charge on the PriorityCharging profile until switched off or the transaction ends." : "Back to the transaction's own profiles.") { json, evse };
            sub.SetAction((result, ct) => AskControlAsync(result, new DiagnosticsRequest { Command = DiagnosticsCommands.Priority, EvseId = result.GetValue(evse), Activate = activate }, json, ct));
            command.Subcommands.Add(sub);
        }

        return command;
    }

    /// <summary>Asks for a local control (<c>limit</c>, <c>priority</c>); a refusal exits with <see cref="CliExitCodes.InvalidInput"/> and its reason.</summary>
    private Task<int> AskControlAsync(ParseResult result, DiagnosticsRequest request, Option<bool> json, CancellationToken cancellationToken) => RunAsync(result, async client =>
    {
        var response = await client.AskAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = (request.Command == DiagnosticsCommands.Priority ? response.Priority : response.Limit) ?? throw Malformed(request.Command!);
        if (result.GetValue(json))
        {
            Print(JsonSerializer.Serialize(answer, DiagnosticsJsonContext.Default.ControlAnswer));
        }
        else if (answer.Applied)
        {
            console.Out.WriteLine($"{request.Command} on EVSE {request.EvseId}: applied");
        }

        return answer.Applied ? CliExitCodes.Ok
            : throw new CliFailureException(CliExitCodes.InvalidInput, $"{request.Command} refused: {answer.ReasonCode}: {answer.Detail}");
    }, cancellationToken);

    private Command Trace()
    {
        var json = Json();
        var session = new Option<string>("--session") { Description = "Session id (from `cpdiag sessions`); default: the running or latest session." };
        var pcap = new Option<FileInfo>("--pcap") { Description = "Also write the messages as a pcapng capture (V2GTP and OCPP WebSocket over IPv6/TCP)." };
        var command = new Command("trace", "V2G messages (EXI decoded to XML) and OCPP frames (JSON) of a session, with timestamps.") { json, session, pcap };
        command.SetAction((result, ct) => RunAsync(result, async client =>
        {
            var trace = (await client.AskAsync(new DiagnosticsRequest { Command = DiagnosticsCommands.Trace, Session = result.GetValue(session) }, ct).ConfigureAwait(false)).Trace
                ?? throw Malformed("trace");
            if (result.GetValue(pcap) is { } file)
            {
                int packets;
                try
                {
                    using var output = file.Create();
                    packets = TraceCapture.Write(trace, output);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new CliFailureException(CliExitCodes.InvalidInput, $"cannot write {file.FullName}: {ex.Message}");
                }

                console.Error.WriteLine($"cpdiag: wrote {packets} packets ({trace.Messages.Count} messages of session {trace.SessionId}) to {file.FullName}");
            }

            if (result.GetValue(json))
            {
                Print(JsonSerializer.Serialize(trace, DiagnosticsJsonContext.Default.SessionTrace));
            }
            else
            {
                StationViews.Trace(console.Out, trace);
            }

            return CliExitCodes.Ok;
        }, ct));
        return command;
    }

    private Command SelfTest()
    {
        var json = Json();
        var command = new Command("selftest", "With the EVSE idle and unplugged: cycle the contactors, check pilot generation and measurement, read the meter, ping the power module.") { json };
        command.SetAction((result, ct) => RunAsync(result, async client =>
        {
            var report = (await client.AskAsync(new DiagnosticsRequest { Command = DiagnosticsCommands.SelfTest }, ct).ConfigureAwait(false)).SelfTest
                ?? throw Malformed("selftest");
            if (result.GetValue(json))
            {
                Print(JsonSerializer.Serialize(report, DiagnosticsJsonContext.Default.SelfTestReport));
            }
            else
            {
                console.Ansi().Write(StationViews.SelfTest(report));
            }

            return report.Passed ? CliExitCodes.Ok : CliExitCodes.CheckFailed;
        }, ct));
        return command;
    }

    private static async Task ForEachSampleAsync(IAsyncEnumerable<DiagnosticsResponse> responses, int? limit, Action<LiveSample> onSample)
    {
        var seen = 0;
        try
        {
            await foreach (var response in responses.ConfigureAwait(false))
            {
                onSample(response.Live ?? throw Malformed("live"));
                if (++seen >= limit)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C ends the view.
        }
    }

    private async Task<int> RunAsync(ParseResult result, Func<DiagnosticsClient, Task<int>> action, CancellationToken cancellationToken)
    {
        var path = result.GetValue(socketOption) ?? DiagnosticsDefaults.SocketPath;
        try
        {
            await using var client = await DiagnosticsClient.ConnectAsync(path, cancellationToken).ConfigureAwait(false);
            return await action(client).ConfigureAwait(false);
        }
        catch (CliFailureException ex)
        {
            await console.Error.WriteLineAsync("cpdiag: " + ex.Message.ReplaceLineEndings(" ")).ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CliExitCodes.Ok;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("cpdiag: the firmware did not answer within 30 s.").ConfigureAwait(false);
            return CliExitCodes.FirmwareError;
        }
    }

    private void Print(string json) => console.Out.WriteLine(json);

    private static CliFailureException Malformed(string command) =>
        new(CliExitCodes.FirmwareError, $"the firmware's answer to `{command}` lacks its result (protocol mismatch?).");
}
