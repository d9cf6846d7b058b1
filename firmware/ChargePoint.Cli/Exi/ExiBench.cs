using System.Diagnostics;
using System.Text.Json.Serialization;
using ChargePoint.V2g.Exi;

namespace ChargePoint.Cli.Exi;

/// <summary>Result of <c>cpdiag exi bench</c>; property names are part of the --json contract.</summary>
internal sealed record ExiBenchResult(
    [property: JsonPropertyName("encodeNs")] double EncodeNs,
    [property: JsonPropertyName("decodeNs")] double DecodeNs,
    [property: JsonPropertyName("encodeAllocatedBytes")] long EncodeAllocatedBytes,
    [property: JsonPropertyName("decodeAllocatedBytes")] long DecodeAllocatedBytes);

[JsonSerializable(typeof(ExiBenchResult))]
internal sealed partial class ExiBenchJson : JsonSerializerContext;

/// <summary>
/// On-device timing for technicians (a board has no BenchmarkDotNet): one warm-up run, then the median of
/// five timed runs of <c>iterations</c> operations each, and allocated bytes per operation.
/// </summary>
internal static class ExiBench
{
    private const int Runs = 5;

    public static ExiBenchResult Measure(IExiSchemaSet set, byte[] stream, int iterations)
    {
        var document = set.Decode(stream);
        var buffer = new byte[ExiLimits.MaxMessageBytes];
        set.Encode(document, buffer);

        var (decodeNs, decodeBytes) = Median(iterations, () => set.Decode(stream));
        var (encodeNs, encodeBytes) = Median(iterations, () => set.Encode(document, buffer));
        return new ExiBenchResult(encodeNs, decodeNs, encodeBytes, decodeBytes);
    }

    private static (double Ns, long Bytes) Median(int iterations, Action operation)
    {
        Run(iterations, operation);
        var times = new double[Runs];
        var bytes = new long[Runs];
        for (var run = 0; run < Runs; run++)
        {
            (times[run], bytes[run]) = Run(iterations, operation);
        }

        Array.Sort(times);
        Array.Sort(bytes);
        return (times[Runs / 2], bytes[Runs / 2]);
    }

    private static (double Ns, long Bytes) Run(int iterations, Action operation)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations; i++)
        {
            operation();
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return (elapsed.TotalNanoseconds / iterations, allocated / iterations);
    }
}
