using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac.Messages;

namespace ChargePoint.V2g.Tests.Slac;

public sealed class MmeRoundTripTests
{
    private static readonly MacAddress Ev = MacAddress.Parse("02:00:00:00:0e:01");
    private static readonly MacAddress Evse = MacAddress.Parse("02:00:00:00:5e:01");
    private static readonly RunId Run = new(0x0102030405060708);

    private static byte[] Bytes(int length, int seed) => Enumerable.Range(seed, length).Select(i => (byte)i).ToArray();

    /// <summary>Build, parse and read back; the re-encoded frame must be byte-identical.</summary>
    private static (T Message, byte[] Frame) RoundTrip<T>(T message, int expectedFrameLength)
        where T : struct, IMmeMessage<T>
    {
        var frame = MmeFrame.Build(Evse, Ev, message);
        Assert.Equal(expectedFrameLength, frame.Length);
        Assert.Equal(MmeFrameError.None, MmeFrame.TryParse(frame, out var header, out var payload));
        Assert.Equal(new MmeHeader(Evse, Ev, T.Version, T.MessageType), header);
        Assert.True(MmeFrame.TryRead<T>(header, payload, out var read));
        Assert.Equal(frame, MmeFrame.Build(Evse, Ev, read));
        if (message.PayloadLength > 3)
        {
            Assert.False(T.TryRead(payload[..(message.PayloadLength - 1)], out _)); // one byte short
        }

        return (read, frame);
    }

    [Fact]
    public void Frame_header_is_ethernet_ii_88e1_with_little_endian_mmtype_and_zero_fragment_bytes()
    {
        var frame = MmeFrame.Build(MacAddress.Broadcast, Ev, new SlacParmReq(0, 0, Run));
        Assert.Equal(60, frame.Length); // padded to the Ethernet minimum
        Assert.Equal(Convert.FromHexString("FFFFFFFFFFFF020000000E0188E1016460000000000102030405060708"), frame[..29]);
        Assert.All(frame[29..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Parm_messages_round_trip()
    {
        var (req, _) = RoundTrip(new SlacParmReq(0, 0, Run), 60);
        Assert.Equal(Run, req.RunId);
        var (cnf, frame) = RoundTrip(new SlacParmCnf(MacAddress.Broadcast, 10, 6, 1, Ev, 0, 0, Run), 60);
        Assert.Equal((byte)10, cnf.NumSounds);
        Assert.Equal(Ev, cnf.ForwardingStation);
        Assert.Equal(6, frame[19 + 7]); // TIME_OUT at payload offset 7
        Assert.Equal(Run.Value, new RunId(BitConverter.ToUInt64(frame.AsSpan(19 + 17, 8).ToArray().Reverse().ToArray())).Value);
    }

    [Fact]
    public void Sounding_messages_round_trip_with_their_documented_sizes()
    {
        var (start, _) = RoundTrip(new StartAttenCharInd(0, 0, 10, 6, 1, Ev, Run), 60);
        Assert.Equal(Ev, start.ForwardingStation);
        var (sound, soundFrame) = RoundTrip(new MnbcSoundInd(0, 0, Bytes(17, 1), 9, Run, Bytes(16, 100)), 71);
        Assert.Equal((byte)9, sound.Count);
        Assert.Equal(Bytes(16, 100), sound.Random);
        Assert.All(soundFrame[(19 + 28)..(19 + 36)], b => Assert.Equal(0, b)); // reserved upper RunID half
        var (profile, profileFrame) = RoundTrip(new AttenProfileInd(Ev, Bytes(58, 20)), 85);
        Assert.Equal(58, profileFrame[19 + 6]);
        Assert.Equal(Bytes(58, 20), profile.Groups);
        var (ind, _) = RoundTrip(new AttenCharInd(0, 0, Ev, Run, null, null, 7, Bytes(58, 3)), 129);
        Assert.Equal((byte)7, ind.NumSounds);
        Assert.Equal(new byte[17], ind.SourceId);
        var (rsp, rspFrame) = RoundTrip(new AttenCharRsp(0, 0, Ev, Run, null, null, 0), 70);
        Assert.Equal(Ev, rsp.SourceAddress);
        Assert.Equal(0, rspFrame[19 + 50]);
    }

    [Fact]
    public void Match_and_validate_messages_round_trip()
    {
        var (req, reqFrame) = RoundTrip(new SlacMatchReq(0, 0, 0x3E, null, Ev, null, Evse, Run), 85);
        Assert.Equal(new byte[] { 0x3E, 0x00 }, reqFrame[21..23]); // MVFLength little-endian
        Assert.Equal(Evse, req.EvseAddress);
        var nid = Bytes(7, 50);
        var nmk = Bytes(16, 60);
        var (cnf, cnfFrame) = RoundTrip(new SlacMatchCnf(0, 0, 0x56, null, Ev, null, Evse, Run, nid, nmk), 109);
        Assert.Equal(nid, cnfFrame[(19 + 66)..(19 + 73)]);
        Assert.Equal(nmk, cnfFrame[(19 + 74)..(19 + 90)]);
        Assert.Equal(nmk, cnf.Nmk);
        Assert.Equal(new ValidateReq(0, 10, 1), RoundTrip(new ValidateReq(0, 10, 1), 60).Message);
        Assert.Equal(new ValidateCnf(0, 3, ValidateResult.NotRequired), RoundTrip(new ValidateCnf(0, 3, ValidateResult.NotRequired), 60).Message);
    }

    [Fact]
    public void Set_key_messages_round_trip()
    {
        var key = ChargePoint.V2g.Slac.NetworkKey.FromNmk(Bytes(16, 7));
        var (req, frame) = RoundTrip(SetKeyReq.ForNetworkKey(key, 0xAABBCCDD), 60);
        Assert.Equal(SetKeyReq.KeyTypeNmk, frame[19]);
        Assert.Equal(new byte[] { 0xDD, 0xCC, 0xBB, 0xAA }, frame[20..24]);
        Assert.Equal(SetKeyReq.ProtocolIdHle, frame[19 + 9]);
        Assert.Equal(key.Nid, frame[(19 + 14)..(19 + 21)]);
        Assert.Equal(key.Nmk, frame[(19 + 22)..(19 + 38)]);
        Assert.Equal(key.Nmk, req.NewKey);
        var (cnf, _) = RoundTrip(new SetKeyCnf(0x01, 1, 0xAABBCCDD, 4, 0, 0, 0), 60);
        Assert.Equal(0xAABBCCDDu, cnf.YourNonce);
    }

    [Fact]
    public void Amp_map_packs_two_four_bit_amplitudes_per_byte_even_entry_low()
    {
        var (req, frame) = RoundTrip(new AmpMapReq([1, 2, 3]), 60);
        Assert.Equal(new byte[] { 0x03, 0x00, 0x21, 0x03 }, frame[19..23]);
        Assert.Equal(new byte[] { 1, 2, 3 }, req.Amplitudes);
        var large = new AmpMapReq(Enumerable.Range(0, 917).Select(i => (byte)(i % 16)).ToArray());
        Assert.Equal(19 + 2 + 459, MmeFrame.Build(Evse, Ev, large).Length);
        Assert.False(AmpMapReq.TryRead([0x00, 0x00, 0x11], out _)); // AMLEN 0 is invalid
        Assert.False(AmpMapReq.TryRead([0x05, 0x00, 0x11], out _)); // data shorter than AMLEN
        Assert.Equal(new AmpMapCnf(0), RoundTrip(new AmpMapCnf(0), 60).Message);
    }

    [Fact]
    public void Qca_vendor_messages_use_mmv_0_and_start_with_the_oui()
    {
        var (_, frame) = RoundTrip(new QcaLinkStatusReq(), 60);
        Assert.Equal(Convert.FromHexString("00B8A000B052"), frame[14..20]);
        var (status, statusFrame) = RoundTrip(new QcaLinkStatusCnf(0, 1), 60);
        Assert.True(status.IsLinkUp);
        Assert.Equal(1, statusFrame[17 + 4]);
        Assert.False(new QcaLinkStatusCnf(0, 0).IsLinkUp);
        RoundTrip(new QcaSoftwareVersionReq(), 60);
        RoundTrip(new QcaResetDeviceReq(), 60);
        Assert.Equal(new QcaResetDeviceCnf(0), RoundTrip(new QcaResetDeviceCnf(0), 60).Message);
        var (version, _) = RoundTrip(new QcaSoftwareVersionCnf(0, 0x20, "MAC-QCA7000-1.2.5"), 60);
        Assert.Equal("MAC-QCA7000-1.2.5", version.SoftwareVersion);
        Assert.False(QcaLinkStatusCnf.TryRead([0x00, 0xB0, 0x53, 0, 1], out _)); // another vendor's OUI
    }

    [Fact]
    public void Frames_that_are_short_foreign_or_fragmented_are_rejected()
    {
        var good = MmeFrame.Build(Evse, Ev, new SlacParmReq(0, 0, Run));
        Assert.Equal(MmeFrameError.TooShort, MmeFrame.TryParse(good.AsSpan(0, 16), out _, out _));
        Assert.Equal(MmeFrameError.TooShort, MmeFrame.TryParse(good.AsSpan(0, 18), out _, out _));
        var ipv6 = (byte[])good.Clone();
        ipv6[12] = 0x86;
        ipv6[13] = 0xDD;
        Assert.Equal(MmeFrameError.NotHomePlug, MmeFrame.TryParse(ipv6, out _, out _));
        var fragmented = (byte[])good.Clone();
        fragmented[17] = 0x10;
        Assert.Equal(MmeFrameError.Fragmented, MmeFrame.TryParse(fragmented, out _, out _));
        var wrongVersion = (byte[])good.Clone();
        wrongVersion[14] = 0x02;
        Assert.Equal(MmeFrameError.None, MmeFrame.TryParse(wrongVersion, out var header, out var payload));
        Assert.False(MmeFrame.TryRead<SlacParmReq>(header, payload, out _));
    }

    [Fact]
    public void Mac_address_parses_and_formats()
    {
        var mac = MacAddress.Parse("00-B0-52-00-00-01");
        Assert.Equal(MacAddress.QcaLocalModem, mac);
        Assert.Equal("00:b0:52:00:00:01", mac.ToString());
        Assert.Equal(new byte[] { 0, 0xB0, 0x52, 0, 0, 1 }, mac.ToBytes());
        Assert.Throws<FormatException>(() => MacAddress.Parse("00:11:22"));
    }
}
