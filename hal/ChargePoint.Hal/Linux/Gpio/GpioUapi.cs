using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ChargePoint.Hal.Linux.Interop;

namespace ChargePoint.Hal.Linux.Gpio;

/// <summary>GPIO character-device uAPI v2 (include/uapi/linux/gpio.h): ioctl requests, flags and limits.</summary>
public static class GpioUapi
{
    public const int MaxLines = 64;
    public const int MaxAttributes = 10;
    public const int MaxNameSize = 32;

    public const ulong FlagUsed = 1UL << 0;
    public const ulong FlagActiveLow = 1UL << 1;
    public const ulong FlagInput = 1UL << 2;
    public const ulong FlagOutput = 1UL << 3;
    public const ulong FlagEdgeRising = 1UL << 4;
    public const ulong FlagEdgeFalling = 1UL << 5;
    public const ulong FlagOpenDrain = 1UL << 6;
    public const ulong FlagOpenSource = 1UL << 7;
    public const ulong FlagBiasPullUp = 1UL << 8;
    public const ulong FlagBiasPullDown = 1UL << 9;
    public const ulong FlagBiasDisabled = 1UL << 10;

    public const uint AttributeFlags = 1;
    public const uint AttributeOutputValues = 2;
    public const uint AttributeDebounce = 3;

    public const uint EventRisingEdge = 1;
    public const uint EventFallingEdge = 2;

    private const char Type = (char)0xB4;

    public static uint GetChipInfo => IoctlNumber.ReadOnly(Type, 0x01, Unsafe.SizeOf<GpioChipInfo>());

    public static uint GetLineInfo => IoctlNumber.ReadWrite(Type, 0x05, Unsafe.SizeOf<GpioV2LineInfo>());

    public static uint GetLine => IoctlNumber.ReadWrite(Type, 0x07, Unsafe.SizeOf<GpioV2LineRequest>());

    public static uint SetConfig => IoctlNumber.ReadWrite(Type, 0x0D, Unsafe.SizeOf<GpioV2LineConfig>());

    public static uint GetValues => IoctlNumber.ReadWrite(Type, 0x0E, Unsafe.SizeOf<GpioV2LineValues>());

    public static uint SetValues => IoctlNumber.ReadWrite(Type, 0x0F, Unsafe.SizeOf<GpioV2LineValues>());
}

/// <summary><c>struct gpiochip_info</c> (68 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct GpioChipInfo
{
    public fixed byte Name[GpioUapi.MaxNameSize];
    public fixed byte Label[GpioUapi.MaxNameSize];
    public uint Lines;
}

/// <summary><c>struct gpio_v2_line_attribute</c> (16 bytes; the union at offset 8).</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public struct GpioV2LineAttribute
{
    [FieldOffset(0)]
    public uint Id;

    [FieldOffset(4)]
    public uint Padding;

    [FieldOffset(8)]
    public ulong Flags;

    [FieldOffset(8)]
    public ulong Values;

    [FieldOffset(8)]
    public uint DebouncePeriodMicroseconds;
}

/// <summary><c>struct gpio_v2_line_config_attribute</c> (24 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct GpioV2LineConfigAttribute
{
    public GpioV2LineAttribute Attribute;
    public ulong Mask;
}

[InlineArray(GpioUapi.MaxAttributes)]
public struct GpioV2LineConfigAttributes
{
    private GpioV2LineConfigAttribute _element;
}

[InlineArray(GpioUapi.MaxAttributes)]
public struct GpioV2LineAttributes
{
    private GpioV2LineAttribute _element;
}

/// <summary><c>struct gpio_v2_line_config</c> (272 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct GpioV2LineConfig
{
    public ulong Flags;
    public uint NumAttributes;
    public fixed uint Padding[5];
    public GpioV2LineConfigAttributes Attributes;
}

/// <summary><c>struct gpio_v2_line_request</c> (592 bytes); <see cref="Fd"/> is filled in by the kernel.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct GpioV2LineRequest
{
    public fixed uint Offsets[GpioUapi.MaxLines];
    public fixed byte Consumer[GpioUapi.MaxNameSize];
    public GpioV2LineConfig Config;
    public uint NumLines;
    public uint EventBufferSize;
    public fixed uint Padding[5];
    public int Fd;
}

/// <summary><c>struct gpio_v2_line_values</c> (16 bytes); bit i is the i-th requested line.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct GpioV2LineValues
{
    public ulong Bits;
    public ulong Mask;
}

/// <summary><c>struct gpio_v2_line_event</c> (48 bytes), read from a line request's descriptor.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct GpioV2LineEvent
{
    public ulong TimestampNanoseconds;
    public uint Id;
    public uint Offset;
    public uint SequenceNumber;
    public uint LineSequenceNumber;
    public fixed uint Padding[6];
}

/// <summary><c>struct gpio_v2_line_info</c> (256 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct GpioV2LineInfo
{
    public fixed byte Name[GpioUapi.MaxNameSize];
    public fixed byte Consumer[GpioUapi.MaxNameSize];
    public uint Offset;
    public uint NumAttributes;
    public ulong Flags;
    public GpioV2LineAttributes Attributes;
    public fixed uint Padding[4];
}
