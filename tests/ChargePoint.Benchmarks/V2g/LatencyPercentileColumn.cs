using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChargePoint.Benchmarks.V2g;

/// <summary>Any percentile of the measured iterations (BenchmarkDotNet ships fixed ones without P99).</summary>
public sealed class LatencyPercentileColumn(int percentile) : IColumn
{
    public string Id => $"{nameof(LatencyPercentileColumn)}.P{percentile}";

    public string ColumnName => $"P{percentile}";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => percentile;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => $"{percentile}th percentile of single round trips";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
        {
            return "NA";
        }

        var nanoseconds = statistics.Percentiles.Percentile(percentile);
        return $"{nanoseconds / 1000.0:N1} us";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
