using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Queue;
using ChargePoint.Ocpp.Rpc;
using ChargePoint.Ocpp.Station;
using ChargePoint.Ocpp.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Benchmarks.Ocpp;

/// <summary>
/// Replay of 10,000 TransactionEvents queued while offline: the station runtime starts on a storage directory whose
/// durable outbox holds them, connects to the local strict CSMS (every frame schema-validated), boots and sends
/// them one CALL at a time, deleting each row after its answer. One operation = the whole queue drained;
/// events/s = 10,000 / mean.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class OutboxReplayBenchmarks
{
    public const int Events = 10_000;
    private const string Password = "bench-password-0123456789";
    private LocalStrictCsms _csms = null!;
    private string _template = null!;
    private string _storage = null!;
    private int _run;

    [GlobalSetup]
    public void Setup()
    {
        _csms = new LocalStrictCsms(Password);
        _template = Directory.CreateTempSubdirectory("cp-replay-template-").FullName;
        using var database = new StationDatabase(_template);
        var start = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
        database.Use(connection =>
        {
            // Filled in one SQLite transaction: the setup is not what is measured.
            using var transaction = connection.BeginTransaction();
            for (var seqNo = 0; seqNo < Events; seqNo++)
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO outbox(action, payload, kind) VALUES ('TransactionEvent', $p, $k)";
                insert.Parameters.AddWithValue("$p", Payload(seqNo, start.AddSeconds(seqNo)));
                insert.Parameters.AddWithValue("$k", (int)(seqNo is 0 or Events - 1 ? OutboxKind.Essential : OutboxKind.TransactionUpdated));
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            return 0;
        });
    }

    [IterationSetup]
    public void CopyQueue()
    {
        _storage = Directory.CreateTempSubdirectory("cp-replay-").FullName;
        foreach (var file in Directory.GetFiles(_template))
        {
            File.Copy(file, Path.Combine(_storage, Path.GetFileName(file)));
        }
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task ReplayQueuedTransactionEvents()
    {
        var options = new OcppRpcOptions
        {
            CsmsUrl = new Uri($"ws://127.0.0.1:{_csms.Port}/ocpp"),
            StationId = "replay-" + _run++,
            BasicAuthPassword = Password,
            MessageTimeout = TimeSpan.FromSeconds(10),
        };
        await using var runtime = new OcppStationRuntime(options, _storage, StationLayout.BidirectionalDc(), TimeProvider.System, NullLoggerFactory.Instance);
        using var stop = new CancellationTokenSource();
        var run = runtime.RunAsync(stop.Token);
        while (runtime.Outbox.Count > 0)
        {
            await Task.Delay(5);
        }

        await stop.CancelAsync();
        await run;
    }

    [IterationCleanup]
    public void DeleteCopy() => Directory.Delete(_storage, recursive: true);

    [GlobalCleanup]
    public void Cleanup()
    {
        _csms.Dispose();
        Directory.Delete(_template, recursive: true);
    }

    private static byte[] Payload(int seqNo, DateTimeOffset at) => OcppFrameWriter.CheckedPayload(new TransactionEventRequest
    {
        EventType = seqNo == 0 ? TransactionEventEnumType.Started : seqNo == Events - 1 ? TransactionEventEnumType.Ended : TransactionEventEnumType.Updated,
        Timestamp = at,
        TriggerReason = seqNo == 0 ? TriggerReasonEnumType.CablePluggedIn : seqNo == Events - 1 ? TriggerReasonEnumType.EVCommunicationLost : TriggerReasonEnumType.MeterValuePeriodic,
        SeqNo = seqNo,
        Offline = true,
        TransactionInfo = new TransactionType
        {
            TransactionId = "replay-benchmark",
            ChargingState = ChargingStateEnumType.Charging,
            StoppedReason = seqNo == Events - 1 ? ReasonEnumType.EVDisconnected : null,
        },
        Evse = new EVSEType { Id = 1, ConnectorId = 1 },
        MeterValue =
        [
            new MeterValueType
            {
                Timestamp = at,
                SampledValue =
                [
                    new SampledValueType { Value = seqNo * 10.0, Measurand = MeasurandEnumType.Energy_Active_Import_Register, UnitOfMeasure = new UnitOfMeasureType { Unit = "Wh" } },
                    new SampledValueType { Value = seqNo * 2.0, Measurand = MeasurandEnumType.Energy_Active_Export_Register, UnitOfMeasure = new UnitOfMeasureType { Unit = "Wh" } },
                ],
            },
        ],
    });
}
