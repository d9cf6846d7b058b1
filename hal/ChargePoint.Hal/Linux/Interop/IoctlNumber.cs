namespace ChargePoint.Hal.Linux.Interop;

/// <summary>
/// The generic Linux ioctl request encoding (include/uapi/asm-generic/ioctl.h, used by x86, arm and arm64):
/// bits 0–7 number, 8–15 type, 16–29 argument size, 30–31 direction. Tests check every request built here
/// against the kernel's values.
/// </summary>
public static class IoctlNumber
{
    public const uint None = 0;
    public const uint Write = 1;
    public const uint Read = 2;

    public static uint Encode(uint direction, char type, uint number, int size) =>
        (direction << 30) | ((uint)size << 16) | ((uint)type << 8) | number;

    public static uint ReadOnly(char type, uint number, int size) => Encode(Read, type, number, size);

    public static uint WriteOnly(char type, uint number, int size) => Encode(Write, type, number, size);

    public static uint ReadWrite(char type, uint number, int size) => Encode(Read | Write, type, number, size);
}
