using ChargePoint.V2g.Slac;

namespace ChargePoint.V2g.Tests.Slac;

public sealed class NetworkKeyTests
{
    // Public HomePlug reference pairs: the NMK of the default password "HomePlugAV" (NID B0F2E695666B03, found in
    // modem documentation and tools) and of "HomePlugAV0123" (NID 026BCBA5354E08).
    [Theory]
    [InlineData("HomePlugAV", "50D3E4933F855B7040784DF815AA8DB7", "B0F2E695666B03")]
    [InlineData("HomePlugAV0123", "B59319D7E8157BA001B018669CCEE30D", "026BCBA5354E08")]
    public void Password_nmk_and_nid_match_the_published_values(string password, string nmkHex, string nidHex)
    {
        var nmk = NetworkKey.NmkFromPassword(password);
        Assert.Equal(nmkHex, Convert.ToHexString(nmk));
        Assert.Equal(nidHex, Convert.ToHexString(NetworkKey.DeriveNid(nmk)));
        Assert.Equal(nidHex, NetworkKey.FromNmk(nmk).NidHex);
    }

    [Fact]
    public void Security_level_goes_into_bits_4_and_5_of_the_last_nid_byte()
    {
        var nmk = Convert.FromHexString("50D3E4933F855B7040784DF815AA8DB7");
        Assert.Equal(0x03, NetworkKey.DeriveNid(nmk, 0)[6]);
        Assert.Equal(0x13, NetworkKey.DeriveNid(nmk, 1)[6]);
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkKey.DeriveNid(nmk, 4));
    }

    [Fact]
    public void Generated_keys_are_fresh_and_carry_a_simple_connect_nid()
    {
        var keys = Enumerable.Range(0, 32).Select(_ => NetworkKey.Generate()).ToList();
        Assert.Equal(32, keys.Select(k => Convert.ToHexString(k.Nmk)).Distinct().Count());
        Assert.All(keys, k => Assert.Equal(0, k.Nid[6] & 0xF0));
        Assert.All(keys, k => Assert.Equal(NetworkKey.DeriveNid(k.Nmk), k.Nid));
    }
}
