using ChargePoint.V2g.Exi.Iso2;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;
using ChargePoint.V2g.Exi.Tests.Vectors;
using ChargePoint.V2g.Exi.XmlDsig;

namespace ChargePoint.V2g.Exi.Tests.BadInput;

/// <summary>
/// Deterministic mutation fuzzing over every vector and over streams with wildcard, built-in, mixed and relaxed
/// content: the decoder either returns a document (that re-encodes) or throws <see cref="ExiException"/>, never
/// anything else, and its allocation stays proportional to the input.
/// </summary>
public sealed class MutationFuzzTests
{
    private const int Seed = 15118;
    private const int Inputs = 120_000;

    [Fact]
    public void MutatedStreamsFailOnlyWithTheCodecExceptionAndBoundedAllocation()
    {
        var random = new Random(Seed);
        var vectors = ExiVector.All.Select(v => (Set: ExiSchemaSets.Find(v.Schema)!, Bytes: v.Bytes)).Concat(WildcardCorpus()).ToArray();
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

    /// <summary>
    /// Streams whose content the vectors do not have: samples of the xmldsig roots with wildcards (schema-less and
    /// typed elements, text, learned built-in grammars), relaxed eMAID fragments, and a -20 message whose signature
    /// carries KeyInfo and Object content. Fixed seeds, so the corpus is the same on every run.
    /// </summary>
    private static IEnumerable<(IExiSchemaSet Set, byte[] Bytes)> WildcardCorpus()
    {
        XmlDsigFragmentRoot[] roots = [XmlDsigFragmentRoot.KeyInfo, XmlDsigFragmentRoot.Object, XmlDsigFragmentRoot.Transform, XmlDsigFragmentRoot.SignatureProperties, XmlDsigFragmentRoot.X509Data];
        for (var seed = 0; seed < 15; seed++)
        {
            var document = XmlDsigFragmentCodec.CreateSample(roots[seed % roots.Length], new Random(seed));
            yield return (XmlDsigFragmentCodec.Schema, Encoded(XmlDsigFragmentCodec.Schema, document));
        }

        for (var seed = 0; seed < 3; seed++)
        {
            var emaid = Iso2FragmentCodec.CreateSample(Iso2FragmentRoot.eMAID, new Random(seed));
            yield return (Iso2FragmentCodec.Schema, Encoded(Iso2FragmentCodec.Schema, emaid));
        }

        var random = new Random(3);
        var request = (Iso20.CommonMessages.AuthorizationReqType)Iso20CommonCodec.CreateSample(Iso20CommonRoot.AuthorizationReq, random).Value;
        var signature = (SignatureType)XmlDsigFragmentCodec.CreateSample(XmlDsigFragmentRoot.Signature, random).Value;
        signature.KeyInfo = (KeyInfoType)XmlDsigFragmentCodec.CreateSample(XmlDsigFragmentRoot.KeyInfo, random).Value;
        signature.Object.Add((ObjectType)XmlDsigFragmentCodec.CreateSample(XmlDsigFragmentRoot.Object, random).Value);
        request.Header.Signature = signature;
        yield return (Iso20CommonCodec.Schema, Encoded(Iso20CommonCodec.Schema, new Iso20CommonDocument(Iso20CommonRoot.AuthorizationReq, request)));
    }

    private static byte[] Encoded(IExiSchemaSet set, object document)
    {
        var buffer = new byte[ExiLimits.MaxMessageBytes];
        return buffer[..set.Encode(document, buffer)];
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
