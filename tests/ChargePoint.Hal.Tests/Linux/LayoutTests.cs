using System.Runtime.CompilerServices;
using ChargePoint.Hal.Linux.Interop;

namespace ChargePoint.Hal.Tests.Linux;

/// <summary>Struct sizes, field offsets and constants against the kernel and glibc headers. Expected values were
/// printed by a C program compiled with gcc against linux/gpio.h, linux/can.h, linux/serial.h,
/// linux/watchdog.h and termios.h (x86_64; the generic ioctl encoding is the same on arm and arm64).</summary>
public sealed unsafe class LayoutTests
{
    [Fact]
    public void Termios_matches_glibc()
    {
        Assert.Equal(60, sizeof(Termios));
        var t = default(Termios);
        var start = (byte*)&t;
        Assert.Equal(8, (byte*)&t.ControlFlags - start);
        Assert.Equal(16, &t.LineDiscipline - start);
        Assert.Equal(17, &t.ControlCharacters[0] - start);
        Assert.Equal(52, (byte*)&t.InputSpeed - start);
        Assert.Equal(56, (byte*)&t.OutputSpeed - start);
        Assert.Equal(6, Termios.VMin);
        Assert.Equal(5, Termios.VTime);
    }

    [Fact]
    public void Termios_constants_match_glibc()
    {
        // Octal in the headers: CS8 060, CREAD 0200, CLOCAL 04000, PARENB 0400, PARODD 01000, CSTOPB 0100.
        Assert.Equal(0x30u, TermiosFlags.Cs8);
        Assert.Equal(0x80u, TermiosFlags.CRead);
        Assert.Equal(0x800u, TermiosFlags.CLocal);
        Assert.Equal(0x100u, TermiosFlags.ParEnb);
        Assert.Equal(0x200u, TermiosFlags.ParOdd);
        Assert.Equal(0x40u, TermiosFlags.CStopB);
        Assert.Equal(0xDu, TermiosFlags.SpeedFor(9600));
        Assert.Equal(0xEu, TermiosFlags.SpeedFor(19200));
        Assert.Equal(0x1002u, TermiosFlags.SpeedFor(115200));
    }

    [Fact]
    public void Serial_rs485_matches_the_kernel()
    {
        Assert.Equal(32, sizeof(SerialRs485));
        Assert.Equal(0x542Fu, TermiosFlags.TiocSRs485);
        Assert.Equal(0x542Eu, TermiosFlags.TiocGRs485);
    }

    [Fact]
    public void Ioctl_encoding_reproduces_kernel_requests()
    {
        Assert.Equal(0x80045705u, IoctlNumber.ReadOnly('W', 5, sizeof(int)));      // WDIOC_KEEPALIVE
        Assert.Equal(0xC0045706u, IoctlNumber.ReadWrite('W', 6, sizeof(int)));     // WDIOC_SETTIMEOUT
        Assert.Equal(0x80045707u, IoctlNumber.ReadOnly('W', 7, sizeof(int)));      // WDIOC_GETTIMEOUT
    }

    [Fact]
    public void Sizes_are_blittable() => Assert.Equal(60, Unsafe.SizeOf<Termios>());
}
