using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Drivers.PilotMcu;

namespace ChargePoint.Hal.Tests.Drivers;

public sealed class PilotMcuFrameTests
{
    [Fact]
    public void Crc_is_CRC16_CCITT_FALSE() => Assert.Equal(0x29B1, Crc16Ccitt.Compute("123456789"u8));

    [Fact]
    public void SetPilot_five_percent_is_laid_out_as_documented()
    {
        var frame = new PilotMcuFrame(PilotMcuFrame.SetPilot, 7, PilotMcuPilotMode.SetPilotPayload(PilotOutput.Pwm(5))).Encode();

        Assert.Equal(Convert.FromHexString("A501010703" + "01F401"), frame[..^2]);
        var crc = Crc16Ccitt.Compute(frame.AsSpan(1, 7));
        Assert.Equal((byte)(crc >> 8), frame[^2]);
        Assert.Equal((byte)crc, frame[^1]);
    }

    [Fact]
    public void The_reader_resynchronises_after_noise_and_a_corrupted_frame()
    {
        var good = new PilotMcuFrame(PilotMcuFrame.Heartbeat, 1, []).Encode();
        var corrupted = new PilotMcuFrame(PilotMcuFrame.Heartbeat, 2, []).Encode();
        corrupted[3] ^= 0x40;
        var status = new PilotMcuStatus(8790, -12000, 220, 0b11, PilotMcuStatus.FlagEmergencyStop, PilotOutputMode.Pwm, 500);
        var statusFrame = new PilotMcuFrame(PilotMcuFrame.Status, 3, status.ToPayload()).Encode();
        byte[] stream = [0x00, 0xA5, 0x07, .. corrupted, .. good, 0xFF, .. statusFrame];
        var reader = new PilotMcuFrameReader();

        var frames = new List<PilotMcuFrame>();
        foreach (var b in stream)
        {
            frames.AddRange(reader.Feed([b])); // byte by byte, as a UART delivers it at worst
        }

        Assert.Equal([PilotMcuFrame.Heartbeat, PilotMcuFrame.Status], frames.Select(f => f.Type));
        Assert.Equal(status, PilotMcuStatus.Parse(frames[1].Payload));
        Assert.True(reader.DiscardedFrames >= 2);
    }

    [Fact]
    public void Unknown_versions_are_dropped()
    {
        var frame = new PilotMcuFrame(PilotMcuFrame.Heartbeat, 1, []).Encode();
        frame[1] = 0x02;

        Assert.Empty(new PilotMcuFrameReader().Feed(frame));
    }
}
