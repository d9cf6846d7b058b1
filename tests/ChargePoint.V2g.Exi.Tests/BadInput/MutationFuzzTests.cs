using ChargePoint.V2g.Exi.Tests.Vectors;

namespace ChargePoint.V2g.Exi.Tests.BadInput;

/// <summary>
/// Deterministic mutation fuzzing over every vector: the decoder either returns a document (that re-encodes)
/// or throws <see cref="ExiException"/>, never anything else, and its allocation stays proportional to the input.
/// </summary>
public sealed class MutationFuzzTests
{
    private const int Seed = 15118;
    private const int Inputs = 120_000;

    [Fact]
    public void MutatedStreamsFailOnlyWithTheCodecExceptionAndBoundedAllocation()
    {
        var random = new Random(Seed);
        var vectors = ExiVector.All.Select(v => (Set: ExiSchemaSets.Find(v.Schema)!, Bytes: v.Bytes)).ToArray();
        var output = new byte[ExiLimits.MaxMessageBytes];
        var rejected = 0;
        long worstAllocation = 0;
        for (var i = 0; i < Inputs; i++)
        {
            var (set, original) = vectors[i % vectors.Length];
            var input = Mutate(original, random);
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                var document = set.Decode(input);
                set.Encode(document, output);
            }
            catch (ExiException)
            {
                rejected++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"{set.Name} input {Convert.ToHexStringLower(input)} threw {ex.GetType().Name}: {ex.Message}");
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            worstAllocation = Math.Max(worstAllocation, allocated);
            Assert.True(allocated <= AllocationBound(input.Length), $"{set.Name} input {Convert.ToHexStringLower(input)} allocated {allocated} bytes");
        }

        // Most mutations must be caught; a few land on values that are still valid.
        Assert.InRange(rejected, Inputs / 2, Inputs);
        Assert.True(worstAllocation <= AllocationBound(ExiLimits.MaxMessageBytes));
    }

    /// <summary>Objects, strings and exception text: a fixed part plus a small multiple of the input.</summary>
    private static long AllocationBound(int inputLength) => 16 * 1024 + (128L * inputLength);

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var count = random.Next(1, 4);
        for (var m = 0; m < count && bytes.Count > 0; m++)
        {
            var position = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[position] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[position] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveRange(position, bytes.Count - position);
                    break;
                case 3:
                    bytes.Insert(position, (byte)random.Next(256));
                    break;
                case 4:
                    bytes.RemoveAt(position);
                    break;
                default:
                    bytes[position] = 0xFF;
                    break;
            }
        }

        return [.. bytes];
    }
}
