using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Tests.Peer;

namespace ChargePoint.Ocpp.Tests.Station;

/// <summary>NotifyEvent of hard-wired alerts is queued durably: raised while the CSMS is away, delivered in order after it returns.</summary>
public sealed class OfflineEventTests
{
    [Fact]
    public async Task Faults_raised_offline_survive_a_restart_and_reach_the_csms_in_order_with_unique_event_ids()
    {
        const string Id = "offline-events";
        await using var peer = await StrictCsmsPeer.StartAsync(PeerFixture.Password);
        var storage = Directory.CreateTempSubdirectory("cp-ocpp-").FullName;
        await using (var station = new StationHarness(peer, Id, storage).Start())
        {
            await peer.WaitForCallsAsync("StatusNotification", 1, Id);
            await peer.CommandAsync(new JsonObject { ["cmd"] = "down" });
            await TxAssert.WaitUntilAsync(() => !station.Runtime.Rpc.IsConnected);

            station.Runtime.Events.Report(Alert("EmergencyStopSensor", "Tripped"));
            await station.Port.EvConnectedAsync(1, 1, CancellationToken.None);
            station.Runtime.Events.Report(Alert("EVSE", "Problem"));
            Assert.Equal(3, station.Runtime.Outbox.All().Count(m => m.Action is "NotifyEvent" or "TransactionEvent"));
        }

        // The process ended while offline; the CSMS comes back; a new run delivers what the old one queued.
        await peer.CommandAsync(new JsonObject { ["cmd"] = "up" });
        await using var restarted = new StationHarness(peer, Id, storage).Start();
        var events = await peer.WaitForCallsAsync("NotifyEvent", 2, Id, TimeSpan.FromSeconds(15));
        Assert.Equal(["EmergencyStopSensor", "EVSE"], events.Select(e => e.GetProperty("eventData")[0].GetProperty("component").GetProperty("name").GetString()));

        // FIFO with the transaction's own events: alert, Started (offline), alert.
        var order = peer.FramesFromStation(Id).Where(f => f[0].GetInt32() == 2 && f[2].GetString() is "NotifyEvent" or "TransactionEvent")
            .Select(f => f[2].GetString() == "NotifyEvent" ? f[3].GetProperty("eventData")[0].GetProperty("variable").GetProperty("name").GetString() : f[3].GetProperty("eventType").GetString())
            .Take(3).ToList();
        Assert.Equal(["Tripped", "Started", "Problem"], order);
        Assert.True(peer.CallsFromStation("TransactionEvent", Id)[0].GetProperty("offline").GetBoolean());

        // Event ids come from a persisted counter: an alert after the restart does not reuse one.
        restarted.Runtime.Events.Report(Alert("EVSE", "Problem"));
        events = await peer.WaitForCallsAsync("NotifyEvent", 3, Id);
        var ids = events.Select(e => e.GetProperty("eventData")[0].GetProperty("eventId").GetInt32()).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(3, ids.Distinct().Count());
        await TxAssert.WaitUntilAsync(() => restarted.Runtime.Outbox.All().All(m => m.Action != "NotifyEvent"));
        Assert.Empty(peer.StrictValidationFailures);
    }

    private static NotifyEventRequest Alert(string component, string variable) => new()
    {
        GeneratedAt = DateTimeOffset.UtcNow,
        SeqNo = 0,
        EventData =
        [
            new EventDataType
            {
                EventId = 0,
                Timestamp = DateTimeOffset.UtcNow,
                Trigger = EventTriggerEnumType.Alerting,
                ActualValue = "true",
                EventNotificationType = EventNotificationEnumType.HardWiredNotification,
                Component = new ComponentType { Name = component, Evse = new EVSEType { Id = 1 } },
                Variable = new VariableType { Name = variable },
            },
        ],
    };
}
