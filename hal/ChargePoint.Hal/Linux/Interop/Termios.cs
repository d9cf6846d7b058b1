using System.Runtime.InteropServices;

namespace ChargePoint.Hal.Linux.Interop;

/// <summary>glibc's <c>struct termios</c> (60 bytes: four flag words, c_line, c_cc[32], c_ispeed, c_ospeed).
/// This is the libc structure used by tcgetattr/tcsetattr, not the kernel's TCGETS one.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct Termios
{
    public const int ControlCharacterCount = 32;
    public const int VTime = 5;
    public const int VMin = 6;

    public uint InputFlags;
    public uint OutputFlags;
    public uint ControlFlags;
    public uint LocalFlags;
    public byte LineDiscipline;
    public fixed byte ControlCharacters[ControlCharacterCount];
    public uint InputSpeed;
    public uint OutputSpeed;
}

/// <summary>termios constants from glibc's bits/termios*.h (Linux, all architectures the HAL targets).</summary>
public static class TermiosFlags
{
    public const uint Cs8 = 0x30;
    public const uint CStopB = 0x40;
    public const uint CRead = 0x80;
    public const uint ParEnb = 0x100;
    public const uint ParOdd = 0x200;
    public const uint CLocal = 0x800;
    public const uint CrtsCts = 0x80000000;

    public const int TcsaNow = 0;
    public const int TcIFlush = 0;
    public const int TcIOFlush = 2;

    public const uint TiocSRs485 = 0x542F;
    public const uint TiocGRs485 = 0x542E;

    /// <summary>Speed constants (Bnnnn) by baud rate.</summary>
    public static uint SpeedFor(int baud) => baud switch
    {
        1200 => 0x9,
        2400 => 0xB,
        4800 => 0xC,
        9600 => 0xD,
        19200 => 0xE,
        38400 => 0xF,
        57600 => 0x1001,
        115200 => 0x1002,
        230400 => 0x1003,
        460800 => 0x1004,
        921600 => 0x1007,
        _ => throw new ArgumentOutOfRangeException(nameof(baud), baud, "Unsupported baud rate; use 1200…921600 (standard rates)."),
    };
}

/// <summary><c>struct serial_rs485</c> from linux/serial.h (32 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SerialRs485
{
    public const uint Enabled = 1 << 0;
    public const uint RtsOnSend = 1 << 1;
    public const uint RtsAfterSend = 1 << 2;
    public const uint RxDuringTx = 1 << 4;
    public const uint TerminateBus = 1 << 5;

    public uint Flags;
    public uint DelayRtsBeforeSendMilliseconds;
    public uint DelayRtsAfterSendMilliseconds;
    public fixed uint Padding[5];
}
