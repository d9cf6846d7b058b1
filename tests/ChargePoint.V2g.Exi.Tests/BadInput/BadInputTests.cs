using ChargePoint.V2g.Exi.AppProtocol;
using ChargePoint.V2g.Exi.Tests.Vectors;

namespace ChargePoint.V2g.Exi.Tests.BadInput;

/// <summary>Each kind of malformed input named by the issue ends in the codec's own exception.</summary>
public sealed class BadInputTests
{
    [Theory]
    [MemberData(nameof(ExiVector.Cases), MemberType = typeof(ExiVector))]
    public void EveryTruncationOfEveryVectorIsRejected(string name)
    {
        var vector = ExiVector.Named(name);
        var set = ExiSchemaSets.Find(vector.Schema)!;
        var bytes = vector.Bytes;
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<ExiException>(() => set.Decode(bytes.AsSpan(0, length)));
        }
    }

    [Theory]
    [MemberData(nameof(ExiVector.Cases), MemberType = typeof(ExiVector))]
    public void AWrongHeaderIsRejected(string name)
    {
        var vector = ExiVector.Named(name);
        var bytes = vector.Bytes;
        bytes[0] = 0x81;
        var exception = Assert.Throws<ExiException>(() => ExiSchemaSets.Find(vector.Schema)!.Decode(bytes));
        Assert.Contains("header", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrailingBytesAfterTheDocumentAreRejected()
    {
        var vector = ExiVector.All.First(v => v.Schema == "iso15118-20-dc");
        byte[] bytes = [.. vector.Bytes, 0x00];
        Assert.Throws<ExiException>(() => ExiSchemaSets.Find(vector.Schema)!.Decode(bytes));
    }

    [Fact]
    public void AnUndeclaredRootEventCodeIsRejected()
    {
        // -20 DC: 6-bit root code 63 is the escape to undeclared events, which V2G never uses.
        var exception = Assert.Throws<ExiException>(() => ExiSchemaSets.Find("iso15118-20-dc")!.Decode([0x80, 0xFC]));
        Assert.Contains("event code", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUndeclaredContentEventCodeIsRejected()
    {
        // supportedAppProtocolRes (root 1), then the escape code 2 of a 2-bit state where only ResponseCode fits.
        var buffer = new byte[4];
        var writer = new ExiBitWriter(buffer);
        writer.WriteBits(8, 0x80);
        writer.WriteBits(2, 1);
        writer.WriteBits(1, 1);
        var length = writer.Finish();
        Assert.Throws<ExiException>(() => AppProtocolCodec.Decode(buffer.AsSpan(0, length)));
    }

    [Fact]
    public void AStringLongerThanItsFacetIsRejectedBeforeItIsRead()
    {
        // supportedAppProtocolReq > AppProtocol > ProtocolNamespace (maxLength 100) with length 101 announced.
        var buffer = new byte[16];
        var writer = new ExiBitWriter(buffer);
        writer.WriteBits(8, 0x80);
        writer.WriteBits(2, 0);
        writer.WriteBits(1, 0);
        writer.WriteBits(1, 0);
        writer.WriteBits(1, 0);
        writer.WriteUnsigned(101 + 2);
        var length = writer.Finish();
        var exception = Assert.Throws<ExiException>(() => AppProtocolCodec.Decode(buffer.AsSpan(0, length)));
        Assert.Contains("maxLength", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALengthBeyondTheInputIsRejectedWithoutAllocatingIt()
    {
        var buffer = new byte[16];
        var writer = new ExiBitWriter(buffer);
        writer.WriteBits(8, 0x80);
        writer.WriteBits(2, 0);
        writer.WriteBits(3, 0);
        writer.WriteUnsigned(90 + 2);
        var length = writer.Finish();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<ExiException>(() => AppProtocolCodec.Decode(buffer.AsSpan(0, length)));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 8 * 1024);
    }

    [Fact]
    public void TheEncoderRefusesMoreItemsThanMaxOccurs()
    {
        var request = new supportedAppProtocolReqType();
        for (var i = 0; i < 21; i++)
        {
            request.AppProtocol.Add(new AppProtocolType { ProtocolNamespace = "urn:x", SchemaID = (byte)i, Priority = 1 });
        }

        var exception = Assert.Throws<ExiException>(() => AppProtocolCodec.Encode(request, new byte[4096]));
        Assert.Contains("AppProtocol", exception.Message, StringComparison.Ordinal);
        request.AppProtocol.RemoveAt(20);
        Assert.True(AppProtocolCodec.Encode(request, new byte[4096]) > 0);
    }

    [Fact]
    public void TheEncoderEnforcesRangeAndRequiredFacets()
    {
        var request = new supportedAppProtocolReqType();
        request.AppProtocol.Add(new AppProtocolType { ProtocolNamespace = "urn:x", Priority = 21 });
        Assert.Throws<ExiException>(() => AppProtocolCodec.Encode(request, new byte[64]));
        request.AppProtocol[0] = new AppProtocolType { Priority = 1 };
        Assert.Throws<ExiException>(() => AppProtocolCodec.Encode(request, new byte[64]));
    }

    [Fact]
    public void AnEmptyListBelowMinOccursIsRefused() =>
        Assert.Throws<ExiException>(() => AppProtocolCodec.Encode(new supportedAppProtocolReqType(), new byte[64]));

    [Theory]
    [InlineData("804c0040")] // ResponseCode index 3 of 3 declared values (bits 01 0 0 [11] 0)
    [InlineData("80500040")] // the CH event code after SE(ResponseCode) is 1, not 0
    [InlineData("80420040")] // the EE event code after the value is 1, not 0
    public void TheDecoderEnforcesEnumerationFacetsAndEventCodesOfFramedValues(string hex)
    {
        // SupportedAppProtocolRes_OK is 80400040; each case flips bits of its ResponseCode element.
        var exception = Assert.Throws<ExiException>(() => AppProtocolCodec.Decode(Convert.FromHexString(hex)));
        Assert.StartsWith("EXI ", exception.Message, StringComparison.Ordinal);
    }
}
