using ChargePoint.Hal.Linux.Gpio;

namespace ChargePoint.Hal.Tests.Linux;

/// <summary>uAPI v2 structs and requests against linux/gpio.h (values printed by gcc from the kernel header).</summary>
public sealed unsafe class GpioLayoutTests
{
    [Fact]
    public void Ioctl_requests_match_the_kernel()
    {
        Assert.Equal(0x8044B401u, GpioUapi.GetChipInfo);
        Assert.Equal(0xC100B405u, GpioUapi.GetLineInfo);
        Assert.Equal(0xC250B407u, GpioUapi.GetLine);
        Assert.Equal(0xC110B40Du, GpioUapi.SetConfig);
        Assert.Equal(0xC010B40Eu, GpioUapi.GetValues);
        Assert.Equal(0xC010B40Fu, GpioUapi.SetValues);
    }

    [Fact]
    public void Struct_sizes_match_the_kernel()
    {
        Assert.Equal(68, sizeof(GpioChipInfo));
        Assert.Equal(256, sizeof(GpioV2LineInfo));
        Assert.Equal(592, sizeof(GpioV2LineRequest));
        Assert.Equal(272, sizeof(GpioV2LineConfig));
        Assert.Equal(16, sizeof(GpioV2LineValues));
        Assert.Equal(48, sizeof(GpioV2LineEvent));
        Assert.Equal(16, sizeof(GpioV2LineAttribute));
        Assert.Equal(24, sizeof(GpioV2LineConfigAttribute));
    }

    [Fact]
    public void Field_offsets_match_the_kernel()
    {
        var request = default(GpioV2LineRequest);
        var r = (byte*)&request;
        Assert.Equal(256, &request.Consumer[0] - r);
        Assert.Equal(288, (byte*)&request.Config - r);
        Assert.Equal(560, (byte*)&request.NumLines - r);
        Assert.Equal(564, (byte*)&request.EventBufferSize - r);
        Assert.Equal(588, (byte*)&request.Fd - r);

        var config = default(GpioV2LineConfig);
        var c = (byte*)&config;
        Assert.Equal(8, (byte*)&config.NumAttributes - c);
        Assert.Equal(32, (byte*)&config.Attributes - c);

        var info = default(GpioV2LineInfo);
        var i = (byte*)&info;
        Assert.Equal(64, (byte*)&info.Offset - i);
        Assert.Equal(72, (byte*)&info.Flags - i);
        Assert.Equal(80, (byte*)&info.Attributes - i);

        var lineEvent = default(GpioV2LineEvent);
        var e = (byte*)&lineEvent;
        Assert.Equal(8, (byte*)&lineEvent.Id - e);
        Assert.Equal(12, (byte*)&lineEvent.Offset - e);
        Assert.Equal(16, (byte*)&lineEvent.SequenceNumber - e);
        Assert.Equal(20, (byte*)&lineEvent.LineSequenceNumber - e);

        var attribute = default(GpioV2LineAttribute);
        Assert.Equal(8, (byte*)&attribute.Values - (byte*)&attribute);
        Assert.Equal(8, (byte*)&attribute.DebouncePeriodMicroseconds - (byte*)&attribute);
    }

    [Fact]
    public void A_request_carries_offsets_consumer_and_flags()
    {
        var request = GpioChip.BuildRequest([5, 17], "chargepoint-contactor", GpioUapi.FlagOutput);

        Assert.Equal(2u, request.NumLines);
        Assert.Equal(5u, request.Offsets[0]);
        Assert.Equal(17u, request.Offsets[1]);
        Assert.Equal((byte)'c', request.Consumer[0]);
        Assert.Equal(0, request.Consumer[21]);
        Assert.Equal(GpioUapi.FlagOutput, request.Config.Flags);
        Assert.Equal(8UL, GpioUapi.FlagOutput);
        Assert.Equal(0x30UL, GpioUapi.FlagEdgeRising | GpioUapi.FlagEdgeFalling);
    }

    [Fact]
    public void More_than_64_lines_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GpioChip.BuildRequest([.. Enumerable.Range(0, 65)], "x", 0));
}
