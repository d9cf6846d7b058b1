using ChargePoint.Hal.Linux.Modbus;

namespace ChargePoint.Hal.Tests.Linux;

public sealed class ModbusCrcTests
{
    // Complete frames (CRC low byte first) from public Modbus documentation: the request/response examples of
    // the Modbus application protocol as published in the Simply Modbus function pages, and the common
    // "read 10 holding registers of unit 1" request.
    [Theory]
    [InlineData("01030000000AC5CD")]
    [InlineData("1103006B00037687")]
    [InlineData("1103 06 AE41 5652 4340 49AD")]
    [InlineData("1104 0008 0001 B298")]
    [InlineData("110600010003 9A9B")]
    [InlineData("1110 0001 0002 04 000A 0102 C6F0")]
    [InlineData("1110000100021298")]
    public void Published_frames_carry_a_valid_crc(string hex)
    {
        var frame = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

        Assert.True(ModbusCrc.IsValid(frame));
        var rebuilt = frame.ToArray();
        rebuilt[^1] = 0;
        rebuilt[^2] = 0;
        ModbusCrc.Append(rebuilt);
        Assert.Equal(frame, rebuilt);
    }

    [Fact]
    public void The_check_value_of_the_catalogue_matches()
    {
        // CRC-16/MODBUS check value over "123456789" (CRC catalogue): 0x4B37.
        Assert.Equal(0x4B37, ModbusCrc.Compute("123456789"u8));
    }

    [Fact]
    public void A_flipped_bit_fails_the_check()
    {
        var frame = Convert.FromHexString("01030000000AC5CD");
        frame[3] ^= 0x01;

        Assert.False(ModbusCrc.IsValid(frame));
    }

    [Fact]
    public void Read_requests_are_built_as_documented() =>
        Assert.Equal(Convert.FromHexString("1103006B00037687"), ModbusRtuMaster.BuildReadRequest(0x11, 3, 0x006B, 3));
}
