using System.Xml.Linq;

namespace ChargePoint.V2g.Exi.Tests.Vectors;

/// <summary>The three checks of the vector README, for every vector of every set.</summary>
public sealed class VectorTests
{
    private static IExiSchemaSet SetOf(ExiVector vector) =>
        ExiSchemaSets.Find(vector.Schema) ?? throw new InvalidOperationException("No codec for " + vector.Schema);

    [Fact]
    public void EverySchemaOfTheVectorsHasACodec()
    {
        Assert.NotEmpty(ExiVector.All);
        Assert.All(ExiVector.All.Select(v => v.Schema).Distinct(), s => Assert.NotNull(ExiSchemaSets.Find(s)));
    }

    [Theory]
    [MemberData(nameof(ExiVector.Cases), MemberType = typeof(ExiVector))]
    public void DecodeEqualsTheXmlSemantically(string name)
    {
        var vector = ExiVector.Named(name);
        var set = SetOf(vector);
        var document = set.Decode(vector.Bytes);
        Assert.Equal(vector.Root, set.RootName(document));
        var xml = set.ToXml(document);
        Assert.Null(XmlSemantics.Difference(XElement.Parse(vector.Xml), XElement.Parse(xml)));
    }

    [Theory]
    [MemberData(nameof(ExiVector.Cases), MemberType = typeof(ExiVector))]
    public void EncodingTheXmlGivesTheExactBytes(string name)
    {
        var vector = ExiVector.Named(name);
        var set = SetOf(vector);
        var buffer = new byte[4096];
        var length = set.Encode(set.FromXml(vector.Xml), buffer);
        Assert.Equal(vector.Exi, Convert.ToHexStringLower(buffer, 0, length));
    }

    [Theory]
    [MemberData(nameof(ExiVector.Cases), MemberType = typeof(ExiVector))]
    public void DecodeThenEncodeGivesTheExactBytes(string name)
    {
        var vector = ExiVector.Named(name);
        var set = SetOf(vector);
        var buffer = new byte[4096];
        var length = set.Encode(set.Decode(vector.Bytes), buffer);
        Assert.Equal(vector.Exi, Convert.ToHexStringLower(buffer, 0, length));
    }
}
