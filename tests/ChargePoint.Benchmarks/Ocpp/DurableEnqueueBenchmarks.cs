using BenchmarkDotNet.Attributes;
using ChargePoint.Ocpp.Queue;
using ChargePoint.Ocpp.Storage;

namespace ChargePoint.Benchmarks.Ocpp;

/// <summary>
/// Latency of committing one TransactionEvent to the durable outbox (SQLite WAL, synchronous=FULL, so each
/// enqueue waits for fsync). Every iteration is a single enqueue (invocationCount 1), so the P50/P95/P99 columns
/// are percentiles of individual enqueues, over 500 of them.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(BenchmarkDotNet.Engines.RunStrategy.Monitoring, launchCount: 1, warmupCount: 20, iterationCount: 500, invocationCount: 1)]
[BenchmarkDotNet.Attributes.Config(typeof(PercentileConfig))]
public class DurableEnqueueBenchmarks
{
    private string _directory = null!;
    private StationDatabase _database = null!;
    private DurableOutbox _outbox = null!;
    private byte[] _payload = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("cp-bench-").FullName;
        _database = new StationDatabase(_directory);
        _outbox = new DurableOutbox(_database, capacity: 1_000_000);
        _payload = new byte[700];
        Random.Shared.NextBytes(_payload);
    }

    [Benchmark]
    public long Enqueue() => _outbox.Enqueue("TransactionEvent", OutboxKind.TransactionUpdated, (connection, transaction) =>
    {
        _ = SequenceCounters.Next(connection, transaction, "seqNo:bench");
        return _payload;
    });

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class PercentileConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public PercentileConfig()
        {
            AddColumn(BenchmarkDotNet.Columns.StatisticColumn.P50, BenchmarkDotNet.Columns.StatisticColumn.P95, new P99Column(), BenchmarkDotNet.Columns.StatisticColumn.P100);
        }
    }
}
