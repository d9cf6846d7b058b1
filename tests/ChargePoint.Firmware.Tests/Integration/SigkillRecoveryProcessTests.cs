using System.Diagnostics;
using ChargePoint.Firmware.Settlement;
using ChargePoint.Firmware.Tests.Ocpp;
using ChargePoint.Ocpp.Tests.Peer;
using static ChargePoint.Firmware.Tests.Ocpp.PeerTraffic;

namespace ChargePoint.Firmware.Tests.Integration;

/// <summary>
/// A real <c>chargepoint --simulate</c> process killed with SIGKILL mid-discharge, then started again on the same
/// Storage:Path: the transaction it left open reaches the strict CSMS as Ended (PowerLoss) with the last registers,
/// after every event queued before the kill, with seqNo continuous and nothing sent twice.
/// </summary>
public sealed class SigkillRecoveryProcessTests
{
    private const string Id = "fw-sigkill";

    [Fact]
    public async Task Sigkill_mid_discharge_then_restart_ends_the_transaction_with_nothing_lost_or_repeated()
    {
        await using var peer = await StrictCsmsPeer.StartAsync(Password);
        var storage = Directory.CreateTempSubdirectory("cp-sigkill");
        try
        {
            StationStorage.FastSamplingAndReconnect(storage.FullName, Id);
            string transactionId;
            using (var first = Start(storage.FullName, peer, "dc-bpt-dynamic"))
            {
                try
                {
                    var started = (await peer.WaitForCallsAsync("TransactionEvent", 1, Id, TimeSpan.FromSeconds(60)))[0];
                    transactionId = started.GetProperty("transactionInfo").GetProperty("transactionId").GetString()!;
                    await peer.WaitForAsync(_ => TransactionEvents(peer, Id, transactionId).Any(e => Sampled(e, "Power.Active.Import").Any(p => p > 1000)), TimeSpan.FromSeconds(30));
                    await peer.CallAsync("SetChargingProfile", DischargeProfile(9, transactionId), Id);
                    await peer.WaitForAsync(_ => TransactionEvents(peer, Id, transactionId).Any(e => Sampled(e, "Power.Active.Import").Any(p => p < -1000)), TimeSpan.FromSeconds(30));
                }
                finally
                {
                    first.Kill(); // SIGKILL: no shutdown code runs.
                    await first.WaitForExitAsync();
                }
            }

            var beforeKill = TransactionEvents(peer, Id, transactionId);
            Assert.DoesNotContain(beforeKill, e => EventType(e) == "Ended");
            var lastExportSeen = beforeKill.SelectMany(e => Sampled(e, "Energy.Active.Export.Register")).Max();

            using var second = Start(storage.FullName, peer, "none");
            try
            {
                await peer.WaitForAsync(_ => TransactionEvents(peer, Id, transactionId).Any(e => EventType(e) == "Ended"), TimeSpan.FromSeconds(60));
                var events = TransactionEvents(peer, Id, transactionId);
                AssertContinuous(events);
                var ended = events[^1];
                Assert.Equal("PowerLoss", ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString());
                Assert.True(Sampled(ended, "Energy.Active.Export.Register").Single() >= lastExportSeen, "the Ended export register went back");
                Assert.Empty(peer.StrictValidationFailures);
                var settlement = SettlementReader.Find(storage.FullName, transactionId);
                Assert.Equal("PowerLoss", settlement?.StopReason);
                Assert.True(settlement!.ExportedWh > 0, settlement.ToString());
            }
            finally
            {
                second.Kill();
                await second.WaitForExitAsync();
            }
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }

    private static Process Start(string storage, StrictCsmsPeer peer, string scenario)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chargepoint.dll"));
        foreach (var arg in new[] { "--simulate", $"--Simulation:Ev={scenario}", "--Simulation:ChargeSeconds=1", "--Simulation:DischargeSeconds=120", $"--Storage:Path={storage}" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in StationArguments(peer, Id))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
