using FsCheck;
using FsCheck.Fluent;

namespace ChargePoint.V2g.Exi.Tests.Properties;

/// <summary>
/// FsCheck: for random schema-valid messages of every root element of every set (xmldsig wildcard and mixed
/// content included), encode -> decode -> encode gives the same bytes, and the XML bridge (model -> XML -> model)
/// changes nothing either.
/// </summary>
public sealed class RoundTripProperties
{
    private const int SamplesPerRoot = 12;

    public static IEnumerable<object[]> Sets => ExiSchemaSets.All.Select(s => new object[] { s.Name });

    [Theory]
    [MemberData(nameof(Sets))]
    public void RandomMessagesOfEveryRootRoundTripBitExactly(string name)
    {
        var set = ExiSchemaSets.Find(name)!;
        Assert.True(set.RootCount > 0);
        for (var root = 0; root < set.RootCount; root++)
        {
            var rootIndex = root;
            var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue - 1)), (int seed) => RoundTrip(set, rootIndex, seed));
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(SamplesPerRoot).WithQuietOnSuccess(true), property);
        }
    }

    /// <summary>
    /// A seed FsCheck once found: the relaxed eMAID fragment got a schema-less child named like a local element
    /// (t:FreeService), which the fragment grammar types; the sampler now avoids every declared name there.
    /// </summary>
    [Fact]
    public void A_relaxed_fragment_sample_never_names_a_schema_less_child_like_a_declared_element()
    {
        var set = ExiSchemaSets.Find("iso15118-2-fragment")!;
        var eMaid = Enumerable.Range(0, set.RootCount).Where(r => set.RootName(set.CreateSample(r, new Random(0))).EndsWith("eMAID", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(eMaid);
        foreach (var root in eMaid)
        {
            for (var seed = 868_399_900; seed < 868_400_000; seed++)
            {
                RoundTrip(set, root, seed);
            }
        }
    }

    private static void RoundTrip(IExiSchemaSet set, int root, int seed)
    {
        var document = set.CreateSample(root, new Random(seed));
        var first = new byte[ExiLimits.MaxMessageBytes];
        int length;
        try
        {
            length = set.Encode(document, first);
        }
        catch (ExiException ex)
        {
            throw new InvalidOperationException($"{set.Name} root {root} seed {seed}: sample did not encode: {ex.Message}\n{set.ToXml(document)}", ex);
        }

        var decoded = set.Decode(first.AsSpan(0, length));
        var second = new byte[ExiLimits.MaxMessageBytes];
        var secondLength = set.Encode(decoded, second);
        Assert.Equal(Convert.ToHexStringLower(first, 0, length), Convert.ToHexStringLower(second, 0, secondLength));

        var xml = set.ToXml(document);
        Assert.Equal(xml, set.ToXml(decoded));
        var third = new byte[ExiLimits.MaxMessageBytes];
        var thirdLength = set.Encode(set.FromXml(xml), third);
        Assert.Equal(Convert.ToHexStringLower(first, 0, length), Convert.ToHexStringLower(third, 0, thirdLength));
    }
}
