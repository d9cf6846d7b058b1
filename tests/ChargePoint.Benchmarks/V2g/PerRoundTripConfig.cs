using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Mathematics.OutlierDetection;

namespace ChargePoint.Benchmarks.V2g;

/// <summary>
/// One operation per iteration, so the percentile columns are percentiles of single round trips, not of
/// iteration means. Outliers are kept: the p99 is exactly what a tail-latency budget is about.
/// </summary>
public sealed class PerRoundTripConfig : ManualConfig
{
    public PerRoundTripConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Throughput)
            .WithLaunchCount(1)
            .WithWarmupCount(50)
            .WithIterationCount(2000)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove)
            // In-process: the machine is shared and a separate boilerplate build of the whole graph times out.
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("PerRoundTrip"));
        AddColumn(new LatencyPercentileColumn(50), new LatencyPercentileColumn(99), StatisticColumn.Max);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
