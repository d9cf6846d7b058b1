using ChargePoint.V2g.Exi.Iso20.CommonMessages;
using ChargePoint.V2g.Exi.XmlDsig;
using FsCheck;
using FsCheck.Fluent;

namespace ChargePoint.V2g.Exi.Tests.Properties;

/// <summary>
/// FsCheck over the content the round-trip property has to cover: the samples of wildcard-bearing xmldsig roots
/// really hold schema-less elements, typed global elements, mixed text and several items, and every one of them
/// round-trips through EXI and the XML bridge, alone and inside a -20 message.
/// </summary>
public sealed class WildcardSampleProperties
{
    private static readonly XmlDsigFragmentRoot[] WildcardRoots =
    [
        XmlDsigFragmentRoot.KeyInfo, XmlDsigFragmentRoot.Object, XmlDsigFragmentRoot.Transform, XmlDsigFragmentRoot.SignatureProperty,
        XmlDsigFragmentRoot.X509Data, XmlDsigFragmentRoot.SPKIData, XmlDsigFragmentRoot.PGPData, XmlDsigFragmentRoot.CanonicalizationMethod,
    ];

    [Fact]
    public void SamplesOfWildcardRootsCoverEveryKindOfNode()
    {
        var kinds = new HashSet<string>();
        for (var seed = 0; seed < 400; seed++)
        {
            var root = WildcardRoots[seed % WildcardRoots.Length];
            var xml = XmlDsigFragmentCodec.ToXml(XmlDsigFragmentCodec.CreateSample(root, new Random(seed)));
            var document = XmlDsigFragmentCodec.FromXml(xml);
            Collect(document.Value, kinds);
        }

        Assert.Superset(new HashSet<string> { nameof(ExiElement), nameof(ExiTypedElement), nameof(ExiText), nameof(ExiTextSegment), "several items" }, kinds);
    }

    [Fact]
    public void RandomWildcardContentRoundTripsInsideAnIso20Message()
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue - 1)), (int seed) =>
        {
            var random = new Random(seed);
            var request = (AuthorizationReqType)Iso20CommonCodec.CreateSample(Iso20CommonRoot.AuthorizationReq, random).Value;
            var signature = (SignatureType)XmlDsigFragmentCodec.CreateSample(XmlDsigFragmentRoot.Signature, random).Value;
            signature.KeyInfo = (KeyInfoType)XmlDsigFragmentCodec.CreateSample(XmlDsigFragmentRoot.KeyInfo, random).Value;
            signature.Object.Add((ObjectType)XmlDsigFragmentCodec.CreateSample(XmlDsigFragmentRoot.Object, random).Value);
            request.Header.Signature = signature;
            var document = new Iso20CommonDocument(Iso20CommonRoot.AuthorizationReq, request);
            var first = new byte[ExiLimits.MaxMessageBytes];
            var length = Iso20CommonCodec.Encode(document, first);
            var decoded = Iso20CommonCodec.Decode(first.AsSpan(0, length));
            var second = new byte[ExiLimits.MaxMessageBytes];
            Assert.Equal(first[..length], second[..Iso20CommonCodec.Encode(decoded, second)]);
            var xml = Iso20CommonCodec.ToXml(decoded);
            Assert.Equal(xml, Iso20CommonCodec.ToXml(Iso20CommonCodec.FromXml(xml)));
            Assert.Equal(first[..length], second[..Iso20CommonCodec.Encode(Iso20CommonCodec.FromXml(xml), second)]);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60).WithQuietOnSuccess(true), property);
    }

    private static void Collect(object? value, HashSet<string> kinds)
    {
        switch (value)
        {
            case null or string or byte[]:
                return;
            case ExiElement element:
                kinds.Add(nameof(ExiElement));
                element.Children.ForEach(c => Collect(c, kinds));
                return;
            case ExiTypedElement typed:
                kinds.Add(nameof(ExiTypedElement));
                Collect(typed.Value, kinds);
                return;
            case ExiText:
                kinds.Add(nameof(ExiText));
                return;
            case ExiTextSegment:
                kinds.Add(nameof(ExiTextSegment));
                return;
            case System.Collections.IList list:
                if (list.Count > 1 && list.GetType().GetGenericArguments()[0].Name.EndsWith("Item", StringComparison.Ordinal))
                {
                    kinds.Add("several items");
                }

                foreach (var item in list)
                {
                    Collect(item, kinds);
                }

                return;
        }

        if (value.GetType().Namespace?.StartsWith("ChargePoint.V2g.Exi", StringComparison.Ordinal) == true && !value.GetType().IsEnum)
        {
            foreach (var property in value.GetType().GetProperties())
            {
                Collect(property.GetValue(value), kinds);
            }
        }
    }
}
