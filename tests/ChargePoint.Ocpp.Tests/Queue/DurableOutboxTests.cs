using System.Text;
using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Queue;
using ChargePoint.Ocpp.Rpc;
using ChargePoint.Ocpp.Storage;
using ChargePoint.Ocpp.Tests.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Ocpp.Tests.Queue;

/// <summary>The outbox keeps order across a reopen and drops Updated events first when full.</summary>
public sealed class DurableOutboxTests
{
    [Fact]
    public void Rows_survive_reopening_the_database_in_order_with_their_attempts()
    {
        var directory = Directory.CreateTempSubdirectory("cp-outbox-").FullName;
        using (var database = new StationDatabase(directory))
        {
            var outbox = new DurableOutbox(database);
            for (var i = 0; i < 5; i++)
            {
                outbox.Enqueue("TransactionEvent", Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"), OutboxKind.Essential);
            }

            outbox.RecordAttempt(outbox.Peek()!.Sequence);
        }

        using var reopened = new StationDatabase(directory);
        var rows = new DurableOutbox(reopened).All();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{{\"n\":{i}}}"), rows.Select(r => Encoding.UTF8.GetString(r.Payload)));
        Assert.Equal(1, rows[0].Attempts);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(reopened.FilePath));
        }
    }

    [Fact]
    public void A_full_queue_drops_the_oldest_updated_event_first_then_the_oldest_message()
    {
        using var database = new StationDatabase(Directory.CreateTempSubdirectory("cp-outbox-").FullName);
        var outbox = new DurableOutbox(database, capacity: 3);
        var dropped = new List<string>();
        outbox.Dropped += m => dropped.Add(Encoding.UTF8.GetString(m.Payload));
        outbox.Enqueue("TransactionEvent", "started"u8.ToArray(), OutboxKind.Essential);
        outbox.Enqueue("TransactionEvent", "updated-1"u8.ToArray(), OutboxKind.TransactionUpdated);
        outbox.Enqueue("TransactionEvent", "updated-2"u8.ToArray(), OutboxKind.TransactionUpdated);
        outbox.Enqueue("TransactionEvent", "ended"u8.ToArray(), OutboxKind.Essential);
        outbox.Enqueue("TransactionEvent", "started-2"u8.ToArray(), OutboxKind.Essential);
        outbox.Enqueue("TransactionEvent", "ended-2"u8.ToArray(), OutboxKind.Essential);

        Assert.Equal(["updated-1", "updated-2", "started"], dropped);
        Assert.Equal(["ended", "started-2", "ended-2"], outbox.All().Select(r => Encoding.UTF8.GetString(r.Payload)));
    }

    [Fact]
    public async Task A_message_dropped_because_the_queue_is_full_is_logged_with_its_action_and_kind()
    {
        using var database = new StationDatabase(Directory.CreateTempSubdirectory("cp-outbox-").FullName);
        var outbox = new DurableOutbox(database, capacity: 2);
        var loggers = new CapturingLoggers();
        await using var rpc = new OcppRpcClient(new OcppRpcOptions(), TimeProvider.System, NullLogger<OcppRpcClient>.Instance);
        var model = new DeviceModelService(StationDeviceModel.Declare(StationLayout.BidirectionalDc(), 1, "cp"), null, TimeProvider.System);
        using var sender = new OutboxSender(outbox, rpc, model, TimeProvider.System, loggers.CreateLogger("outbox"));
        outbox.Enqueue("TransactionEvent", "started"u8.ToArray(), OutboxKind.Essential);
        outbox.Enqueue("TransactionEvent", "updated"u8.ToArray(), OutboxKind.TransactionUpdated);
        outbox.Enqueue("NotifyEvent", "event"u8.ToArray(), OutboxKind.Event);

        var entry = Assert.Single(loggers.Entries, e => e.Contains("queue full", StringComparison.Ordinal));
        Assert.Contains("TransactionEvent #2 (TransactionUpdated)", entry, StringComparison.Ordinal);
        Assert.StartsWith("Error", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequence_numbers_continue_after_a_reopen()
    {
        var directory = Directory.CreateTempSubdirectory("cp-outbox-").FullName;
        int Take()
        {
            using var database = new StationDatabase(directory);
            var value = -1;
            new DurableOutbox(database).Enqueue("TransactionEvent", OutboxKind.Essential, (c, t) =>
            {
                value = SequenceCounters.Next(c, t, "seqNo:tx");
                return [1];
            });
            return value;
        }

        Assert.Equal([0, 1, 2], new[] { Take(), Take(), Take() });
    }
}
