using BenchmarkDotNet.Attributes;
using ChargePoint.Ocpp.Queue;
using ChargePoint.Ocpp.Storage;

namespace ChargePoint.Benchmarks.Ocpp;

/// <summary>
/// Latency of committing one TransactionEvent to the durable outbox (SQLite WAL, synchronous=FULL, so each
/// enqueue waits for fsync). BenchmarkDotNet reports the median (P50) and P95; P99 is in the percentile columns.
/// </summary>
[MemoryDiagnoser]
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
            AddColumn(BenchmarkDotNet.Columns.StatisticColumn.P50, BenchmarkDotNet.Columns.StatisticColumn.P95, BenchmarkDotNet.Columns.StatisticColumn.P100);
        }
    }
}
