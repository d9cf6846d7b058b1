using ChargePoint.V2g.Exi.Iso2;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;
using ChargePoint.V2g.Exi.XmlDsig;

namespace ChargePoint.V2g.Exi.Tests.Fragments;

/// <summary>
/// EXI fragment grammars used for Plug &amp; Charge signatures: event codes and widths as the widely deployed
/// reference codec uses them (team notes exi.md: xmldsig 6 bits with Signature 27 / SignedInfo 32; -20
/// exiFragment 9 bits with SignedInfo 230; ISO 15118-2 exiFragment 8 bits with SignedInfo 208).
/// </summary>
public sealed class FragmentGrammarTests
{
    private static SignedInfoType SampleSignedInfo() => new()
    {
        CanonicalizationMethod = new CanonicalizationMethodType { Algorithm = "http://www.w3.org/TR/canonical-exi/" },
        SignatureMethod = new SignatureMethodType { Algorithm = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256" },
        Reference =
        {
            new ReferenceType
            {
                URI = "#id1",
                Transforms = new TransformsType { Transform = { new TransformType { Algorithm = "http://www.w3.org/TR/canonical-exi/" } } },
                DigestMethod = new DigestMethodType { Algorithm = "http://www.w3.org/2001/04/xmlenc#sha256" },
                DigestValue = new byte[32],
            },
        },
    };

    [Fact]
    public void RootCodesMatchTheDeployedFragmentGrammars()
    {
        Assert.Equal(27, (int)XmlDsigFragmentRoot.Signature);
        Assert.Equal(32, (int)XmlDsigFragmentRoot.SignedInfo);
        Assert.Equal(230, (int)Iso20CommonFragmentRoot.SignedInfo);
        Assert.Equal(231, (int)Iso20CommonFragmentRoot.SignedInstallationData);
        Assert.Equal(151, (int)Iso20CommonFragmentRoot.PnC_AReqAuthorizationMode);
        Assert.Equal(119, (int)Iso20CommonFragmentRoot.MeteringConfirmationReq);
        Assert.Equal(208, (int)Iso2FragmentRoot.SignedInfo);
        Assert.Equal(4, (int)Iso2FragmentRoot.AuthorizationReq);
    }

    [Fact]
    public void XmlDsigSignedInfoUsesASixBitCodeAndRoundTrips()
    {
        var buffer = new byte[512];
        var length = XmlDsigFragmentCodec.Encode(new XmlDsigFragmentDocument(XmlDsigFragmentRoot.SignedInfo, SampleSignedInfo()), buffer);
        Assert.Equal(0x80, buffer[0]);
        Assert.Equal(32, buffer[1] >> 2);
        var decoded = XmlDsigFragmentCodec.Decode(buffer.AsSpan(0, length));
        Assert.Equal(XmlDsigFragmentRoot.SignedInfo, decoded.Root);
        var again = new byte[512];
        Assert.Equal(buffer[..length], again[..XmlDsigFragmentCodec.Encode(decoded, again)]);
    }

    [Fact]
    public void Iso20SignedInfoFragmentUsesANineBitCode()
    {
        var buffer = new byte[512];
        XmlDsigFragmentCodec.Encode(new XmlDsigFragmentDocument(XmlDsigFragmentRoot.SignedInfo, SampleSignedInfo()), buffer);
        var iso20 = new byte[512];
        var length = Iso20CommonFragmentCodec.Encode(new Iso20CommonFragmentDocument(Iso20CommonFragmentRoot.SignedInfo, SampleSignedInfo()), iso20);
        Assert.Equal(230, (iso20[1] << 1) | (iso20[2] >> 7));
        Assert.Equal(Iso20CommonFragmentRoot.SignedInfo, Iso20CommonFragmentCodec.Decode(iso20.AsSpan(0, length)).Root);
    }

    [Fact]
    public void AFragmentMustEndAfterItsElement()
    {
        var buffer = new byte[512];
        var length = XmlDsigFragmentCodec.Encode(new XmlDsigFragmentDocument(XmlDsigFragmentRoot.SignedInfo, SampleSignedInfo()), buffer);
        // Flip the last bits (the ED code) so another SE follows instead of the end.
        buffer[length - 1] ^= 0xFF;
        Assert.Throws<ExiException>(() => XmlDsigFragmentCodec.Decode(buffer.AsSpan(0, length)));
    }
}
