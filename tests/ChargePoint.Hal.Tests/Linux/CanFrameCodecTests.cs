using System.Net.Sockets;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Linux.Can;
using ChargePoint.Hal.Linux.Interop;

namespace ChargePoint.Hal.Tests.Linux;

public sealed class CanFrameCodecTests
{
    [Fact]
    public void Extended_frames_encode_as_struct_can_frame()
    {
        var frame = new CanFrame(0x000C0301, isExtended: true, [0x20, 0x00, 0x10, 0x27]);
        var bytes = new byte[16];

        CanFrameCodec.Encode(frame, bytes);

        // can_id 0x800C0301 little-endian, len 4, reserved, len8_dlc 0, data.
        Assert.Equal(Convert.FromHexString("01030C8004000000" + "2000102700000000"), bytes);
        Assert.Equal(frame, CanFrameCodec.Decode(bytes));
    }

    [Fact]
    public void Standard_frames_round_trip()
    {
        var frame = new CanFrame(0x123, isExtended: false, [1, 2, 3, 4, 5, 6, 7, 8]);
        var bytes = new byte[16];

        CanFrameCodec.Encode(frame, bytes);

        Assert.Equal(0x23, bytes[0]);
        Assert.Equal(0x01, bytes[1]);
        Assert.Equal(frame, CanFrameCodec.Decode(bytes));
    }

    [Fact]
    public void Remote_and_error_frames_are_skipped()
    {
        var bytes = new byte[16];
        bytes[3] = 0x40;
        Assert.Null(CanFrameCodec.Decode(bytes));
        bytes[3] = 0x20;
        Assert.Null(CanFrameCodec.Decode(bytes));
    }

    [Fact]
    public void Identifiers_beyond_their_width_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CanFrame(0x800, false, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CanFrame(0x2000_0000, true, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CanFrame(1, false, new byte[9]));
    }

    [Fact]
    public void Sockaddr_can_carries_family_and_interface_index()
    {
        var address = new SocketCanBus.CanEndPoint(7).Serialize();

        Assert.Equal(24, address.Size);
        Assert.Equal(AddressFamily.ControllerAreaNetwork, address.Family);
        Assert.Equal(7, address[4]);
    }

    [Fact]
    public void An_absent_interface_is_named_in_the_error()
    {
        var error = Assert.ThrowsAny<DeviceIoException>(() => SocketCanBus.Open("can-missing9"));

        Assert.Contains("can-missing9", error.Message, StringComparison.Ordinal);
    }
}
