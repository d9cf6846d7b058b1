using System.Diagnostics;
using ChargePoint.Ocpp.Tests.Peer;
using ChargePoint.Ocpp.Tests.Station;
using Xunit.Abstractions;

namespace ChargePoint.Ocpp.Tests.Crash;

/// <summary>
/// Kills a station process with SIGKILL at random points while it runs transactions with the durable queue against
/// the strict CSMS, restarts it on the same storage, and checks what the CSMS received: per transaction a continuous
/// seqNo from 0, Started first, exactly one Ended last, in order, nothing lost. Delivery is at-least-once: a kill
/// after the CSMS answered but before the row was deleted re-sends the identical payload (same seqNo), so a
/// duplicate is allowed only as a byte-identical repeat, at most one per kill.
/// </summary>
public sealed class SigkillTests(ITestOutputHelper output) : IClassFixture<PeerFixture>
{
    private const int Kills = 6;

    [Fact]
    public async Task Killed_at_random_points_every_transaction_event_reaches_the_csms_in_order_without_gaps()
    {
        const string Id = "crash-sigkill";
        var peer = await StrictCsmsPeer.StartAsync(PeerFixture.Password);
        await using var _ = peer;
        var storage = Directory.CreateTempSubdirectory("cp-crash-").FullName;
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        for (var kill = 0; kill < Kills; kill++)
        {
            await RunAndKillAsync(peer, Id, storage, TimeSpan.FromMilliseconds(random.Next(20, 900)));
        }

        // The last start runs in this process: recovery ends the interrupted transaction and the queue drains.
        await using (var station = new StationHarness(peer, Id, storage).Start())
        {
            await TxAssert.WaitUntilAsync(() => station.Runtime.Outbox.Count == 0, TimeSpan.FromSeconds(30));
            Assert.All(station.Runtime.Station.Transactions.Recovered, r => Assert.False(r.Resumed));
        }

        var events = peer.CallsFromStation("TransactionEvent", Id);
        var transactions = events.GroupBy(e => e.GetProperty("transactionInfo").GetProperty("transactionId").GetString()!).ToList();
        var duplicates = 0;
        var powerLoss = 0;
        foreach (var transaction in transactions)
        {
            var bySeqNo = transaction.GroupBy(e => e.GetProperty("seqNo").GetInt32()).ToList();
            foreach (var copies in bySeqNo.Where(g => g.Count() > 1))
            {
                duplicates += copies.Count() - 1;
                Assert.Single(copies.Select(c => c.GetRawText()).Distinct());
            }

            var firstSeen = bySeqNo.Select(g => g.Key).ToList();
            Assert.Equal(Enumerable.Range(0, firstSeen.Count), firstSeen); // continuous and in order of arrival
            var types = bySeqNo.Select(g => g.First().GetProperty("eventType").GetString()).ToList();
            Assert.Equal("Started", types[0]);
            Assert.Equal("Ended", types[^1]);
            Assert.Equal(1, types.Count(t => t == "Ended"));
            var ended = bySeqNo[^1].First();
            if (ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString() == "PowerLoss")
            {
                powerLoss++;
                Assert.Equal("AbnormalCondition", ended.GetProperty("triggerReason").GetString());
                Assert.Contains(ended.GetProperty("meterValue")[0].GetProperty("sampledValue").EnumerateArray(),
                    v => v.GetProperty("measurand").GetString() == "Energy.Active.Export.Register");
            }
        }

        output.WriteLine($"{transactions.Count} transactions, {events.Count} events, {duplicates} re-sent after a kill, {powerLoss} ended by PowerLoss");
        Assert.InRange(duplicates, 0, Kills);
        Assert.InRange(powerLoss, 1, Kills);
        Assert.Empty(peer.StrictValidationFailures);
    }

    private static async Task RunAndKillAsync(StrictCsmsPeer peer, string id, string storage, TimeSpan killAfterReady)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", typeof(CrashChild).Assembly.Location, peer.Url().ToString(), id, storage, PeerFixture.Password })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[CrashChild.EnvironmentVariable] = "1";
        using var child = Process.Start(start)!;
        var ready = new TaskCompletionSource();
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data == CrashChild.ReadyLine)
            {
                ready.TrySetResult();
            }
        };
        child.ErrorDataReceived += (_, _) => { };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(killAfterReady);
            Assert.False(child.HasExited, "the child must still be running when it is killed");
        }
        finally
        {
            child.Kill(); // SIGKILL on Linux: no finally blocks, no disposal, no flush in the child.
            await child.WaitForExitAsync();
        }
    }
}
