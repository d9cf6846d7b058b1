using ChargePoint.Hal.Linux.Interop;
using ChargePoint.Hal.Linux.Serial;

namespace ChargePoint.Hal.Tests.Linux;

/// <summary>The termios code path against a real pseudo-terminal.</summary>
public sealed class SerialPortTests
{
    [Fact]
    public void Opening_applies_rate_parity_and_stop_bits_through_termios()
    {
        using var pty = PseudoTerminal.Open();
        var options = new SerialPortOptions { Device = pty.SecondaryPath, BaudRate = 19200, Parity = SerialParity.Even, StopBits = 2 };

        using var port = SerialPort.Open(options);
        var t = port.ReadTermios();

        Assert.Equal(TermiosFlags.SpeedFor(19200), t.OutputSpeed);
        Assert.Equal(TermiosFlags.SpeedFor(19200), t.InputSpeed);
        // The kernel's pty driver forces CS8 and drops PARENB, so parity is checked on the built settings below.
        Assert.Equal(TermiosFlags.Cs8 | TermiosFlags.CRead | TermiosFlags.CLocal | TermiosFlags.CStopB, t.ControlFlags & (TermiosFlags.Cs8 | TermiosFlags.CRead | TermiosFlags.CLocal | TermiosFlags.CStopB));
        Assert.Equal(0u, t.LocalFlags & 0x2); // ICANON off: raw mode
        Assert.Equal(TimeSpan.FromSeconds(12.0 / 19200), port.CharacterTime);
    }

    [Theory]
    [InlineData(SerialParity.None, 0u)]
    [InlineData(SerialParity.Even, TermiosFlags.ParEnb)]
    [InlineData(SerialParity.Odd, TermiosFlags.ParEnb | TermiosFlags.ParOdd)]
    public void Parity_maps_to_the_control_flags(SerialParity parity, uint expected)
    {
        var t = SerialPort.BuildTermios(new Termios { ControlFlags = TermiosFlags.ParOdd | TermiosFlags.CStopB }, new SerialPortOptions { Parity = parity });

        Assert.Equal(expected, t.ControlFlags & (TermiosFlags.ParEnb | TermiosFlags.ParOdd));
        Assert.Equal(0u, t.ControlFlags & TermiosFlags.CStopB);
    }

    [Fact]
    public void Bytes_cross_the_pair_in_both_directions_unaltered()
    {
        using var pty = PseudoTerminal.Open();
        using var port = SerialPort.Open(new SerialPortOptions { Device = pty.SecondaryPath, BaudRate = 115200 });
        byte[] all = [.. Enumerable.Range(0, 256).Select(i => (byte)i)];

        port.Write(all);
        var received = ReadExactly(pty.Primary, all.Length);
        pty.Primary.Write(all);
        var back = ReadExactly(port, all.Length);

        Assert.Equal(all, received);
        Assert.Equal(all, back);
    }

    [Fact]
    public void A_read_with_nothing_to_read_times_out_with_zero()
    {
        using var pty = PseudoTerminal.Open();
        using var port = SerialPort.Open(new SerialPortOptions { Device = pty.SecondaryPath });

        Assert.Equal(0, port.Read(new byte[8], TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public void A_closed_port_fails_instead_of_using_a_descriptor_opened_after_it()
    {
        using var first = PseudoTerminal.Open();
        var closed = SerialPort.Open(new SerialPortOptions { Device = first.SecondaryPath });
        closed.Dispose();

        // Linux hands out the lowest free number, so this port most likely gets the one just closed.
        using var second = PseudoTerminal.Open();
        using var reopened = SerialPort.Open(new SerialPortOptions { Device = second.SecondaryPath });
        second.Primary.Write("meant for the second port"u8);

        var read = Assert.ThrowsAny<IOException>(() => closed.Read(new byte[64], TimeSpan.FromMilliseconds(50)));
        var write = Assert.ThrowsAny<IOException>(() => closed.Write("stray"u8));

        Assert.Contains($"{first.SecondaryPath} is closed", read.Message, StringComparison.Ordinal);
        Assert.Contains($"{first.SecondaryPath} is closed", write.Message, StringComparison.Ordinal);
        Assert.Equal("meant for the second port"u8.ToArray(), ReadExactly(reopened, 25));
        Assert.Equal(0, second.Primary.Read(new byte[8], TimeSpan.FromMilliseconds(20)));
        closed.Dispose(); // a second dispose is harmless
    }

    [Fact]
    public void Rs485_mode_on_a_uart_without_it_fails_with_the_ioctl_named()
    {
        using var pty = PseudoTerminal.Open();

        var error = Assert.ThrowsAny<DeviceIoException>(() => SerialPort.Open(new SerialPortOptions { Device = pty.SecondaryPath, Rs485 = true }));

        Assert.Contains("TIOCSRS485", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_device_names_the_path()
    {
        var error = Assert.ThrowsAny<DeviceIoException>(() => SerialPort.Open(new SerialPortOptions { Device = "/dev/ttyDOESNOTEXIST9" }));

        Assert.Contains("/dev/ttyDOESNOTEXIST9", error.Message, StringComparison.Ordinal);
        Assert.Equal(Errno.ENoEnt, error.Errno);
    }

    internal static byte[] ReadExactly(ChargePoint.Hal.Abstractions.ISerialChannel channel, int count)
    {
        var buffer = new byte[count];
        var received = 0;
        while (received < count)
        {
            var n = channel.Read(buffer.AsSpan(received), TimeSpan.FromSeconds(2));
            Assert.True(n > 0, $"only {received} of {count} bytes arrived");
            received += n;
        }

        return buffer;
    }
}
