using ChargePoint.Cli;
using ChargePoint.Firmware.Evse;

namespace ChargePoint.Firmware.Tests.Cli;

/// <summary><c>cpdiag sessions</c>, <c>settlement</c>, <c>trace</c> and <c>selftest</c> around real simulated sessions, and the
/// history and settlement records surviving a restart.</summary>
public sealed class SessionCommandTests
{
    [Fact]
    public async Task Sessions_are_listed_with_settled_energy_survive_a_restart_and_selftest_refuses_a_busy_evse()
    {
        var storage = Directory.CreateTempSubdirectory("cp-diag-sessions");
        string sessionId, transactionId;
        double imported, exported;
        var station = await DiagnosticsStation.StartAsync(storage, "--Simulation:Ev=dc-bpt-dynamic", "--Simulation:ChargeSeconds=1", "--Simulation:DischargeSeconds=5");
        try
        {
            var manager = await station.Manager;
            await WaitAsync(() => manager.State is EvseState.Charging or EvseState.Discharging);

            var busy = await station.CpdiagAsync("selftest");

            Assert.Equal(CliExitCodes.EvseBusy, busy.Exit);
            Assert.StartsWith("cpdiag: EVSE busy: EVSE 1 is busy (state ", busy.Err, StringComparison.Ordinal);
            CliRun listed = null!;
            await WaitAsync(() =>
            {
                listed = station.CpdiagAsync("sessions", "--json").GetAwaiter().GetResult();
                return listed.Json().GetArrayLength() > 0;
            });
            var session = listed.Json()[0];
            sessionId = session.GetProperty("sessionId").GetString()!;
            imported = session.GetProperty("importedWattHours").GetDouble();
            exported = session.GetProperty("exportedWattHours").GetDouble();
            Assert.True(imported > 0 && exported > 0, listed.Out);
            Assert.Equal(imported - exported, session.GetProperty("netWattHours").GetDouble(), 6);
            Assert.Equal("StoppedByEV", session.GetProperty("stopReason").GetString());
            transactionId = session.GetProperty("transactionId").GetString()!;
            Assert.False(string.IsNullOrEmpty(transactionId));
            Assert.True(session.GetProperty("stoppedAt").GetDateTimeOffset() > session.GetProperty("startedAt").GetDateTimeOffset());
        }
        finally
        {
            await station.StopAsync();
        }

        await using var restarted = await DiagnosticsStation.StartAsync(storage, "--Simulation:Ev=none");
        var after = await restarted.CpdiagAsync("sessions", "--json");
        var kept = after.Json().EnumerateArray().Single(s => s.GetProperty("sessionId").GetString() == sessionId);
        Assert.Equal(imported, kept.GetProperty("importedWattHours").GetDouble());
        var human = await restarted.CpdiagAsync("sessions");
        Assert.Contains(sessionId, human.Out, StringComparison.Ordinal);

        // The settlement record of the transaction, as the station keeps it on disk: the same energy, split.
        var settlement = await restarted.CpdiagAsync("settlement", "--json");
        Assert.True(settlement.Exit == CliExitCodes.Ok, settlement.ToString());
        var record = settlement.Json().EnumerateArray().Single(r => r.GetProperty("transactionId").GetString() == transactionId);
        var stored = ChargePoint.Firmware.Settlement.SettlementReader.Find(storage.FullName, transactionId)!;
        Assert.Equal((stored.ImportedWh, stored.ExportedWh, stored.NetWh), (record.GetProperty("importedWattHours").GetDouble(), record.GetProperty("exportedWattHours").GetDouble(), record.GetProperty("netWattHours").GetDouble()));
        // The session history reads the meter at its own start and stop; the settlement follows the registers from
        // the OCPP transaction's start: the same energy within a few samples.
        Assert.InRange(stored.ImportedWh, imported * 0.9 - 1, imported * 1.1 + 1);
        Assert.InRange(stored.ExportedWh, exported * 0.9 - 1, exported * 1.1 + 1);
        Assert.Equal("StoppedByEV", record.GetProperty("stopReason").GetString());
        Assert.True(record.GetProperty("exportRegisterWattHours").GetDouble() - record.GetProperty("exportRegisterStartWattHours").GetDouble() > 0);
        var one = await restarted.CpdiagAsync("settlement", "--transaction", transactionId, "--json");
        Assert.Equal(transactionId, Assert.Single(one.Json().EnumerateArray().ToList()).GetProperty("transactionId").GetString());
        var table = await restarted.CpdiagAsync("settlement");
        Assert.Contains("Exported", table.Out, StringComparison.Ordinal);
        Assert.Contains(transactionId[..8], table.Out, StringComparison.Ordinal);
        var missing = await restarted.CpdiagAsync("settlement", "--transaction", "no-such-transaction");
        Assert.Equal(CliExitCodes.FirmwareError, missing.Exit);
        Assert.Contains("no settlement record of transaction 'no-such-transaction'", missing.Err, StringComparison.Ordinal);
        var trace = await restarted.CpdiagAsync("trace", "--session", sessionId, "--json");
        Assert.True(trace.Exit == CliExitCodes.Ok, trace.ToString());
        Assert.Equal(sessionId, trace.Json().GetProperty("sessionId").GetString());
        var messages = trace.Json().GetProperty("messages").EnumerateArray().ToList();
        var v2g = messages.Where(m => m.GetProperty("protocol").GetString() == "v2gtp").Select(m => m.GetProperty("text").GetString()!).ToList();
        Assert.Contains(v2g, text => text.Contains("SessionSetupReq", StringComparison.Ordinal)); // EXI decoded to XML
        Assert.Contains(v2g, text => text.Contains("DC_ChargeLoopRes", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.GetProperty("protocol").GetString() == "ocpp" && m.GetProperty("text").GetString()!.Contains("\"TransactionEvent\"", StringComparison.Ordinal));
        var pcap = Path.Combine(storage.FullName, "session.pcapng");
        var captured = await restarted.CpdiagAsync("trace", "--session", sessionId, "--pcap", pcap);
        Assert.True(captured.Exit == CliExitCodes.Ok, captured.ToString());
        var capture = PcapngReader.Read(await File.ReadAllBytesAsync(pcap));
        Assert.Contains(capture.Packets, p => PcapngTraceTests.Tcp.Parse(p.Frame) is { DestinationPort: 15118, Payload.Length: > 8 } s && s.Payload[0] == 0x01 && s.Payload[1] == 0xFE);
        var unknown = await restarted.CpdiagAsync("trace", "--session", "no-such-session");
        Assert.Equal(CliExitCodes.FirmwareError, unknown.Exit);
        Assert.Contains("no trace of session 'no-such-session'", unknown.Err, StringComparison.Ordinal);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in 60 s");
            await Task.Delay(20);
        }
    }
}
