using ChargePoint.Hal.Linux.Interop;

namespace ChargePoint.Hal.Linux.Gpio;

/// <summary>Requested GPIO lines. Keep it open for the life of the process: closing releases the lines and
/// leaves outputs undefined.</summary>
public sealed unsafe class GpioLineRequest : IDisposable
{
    private readonly FileDescriptorHandle _fd;
    private readonly string _chip;

    internal GpioLineRequest(FileDescriptorHandle fd, string chip, int lineCount)
    {
        _fd = fd;
        _chip = chip;
        LineCount = lineCount;
    }

    public int LineCount { get; }

    /// <summary>Values of the requested lines, bit i = i-th line (logical, after active-low inversion).</summary>
    public ulong GetValues()
    {
        var values = new GpioV2LineValues { Mask = LineCount == 64 ? ulong.MaxValue : (1UL << LineCount) - 1 };
        using var fd = _fd.Use(_chip);
        Errno.ThrowIfFailed(LibC.Ioctl(fd.Fd, GpioUapi.GetValues, &values), "GPIO_V2_LINE_GET_VALUES_IOCTL", _chip);
        return values.Bits;
    }

    public void SetValues(ulong bits, ulong mask)
    {
        var values = new GpioV2LineValues { Bits = bits, Mask = mask };
        using var fd = _fd.Use(_chip);
        Errno.ThrowIfFailed(LibC.Ioctl(fd.Fd, GpioUapi.SetValues, &values), "GPIO_V2_LINE_SET_VALUES_IOCTL", _chip);
    }

    public bool GetValue(int index) => ((GetValues() >> index) & 1) != 0;

    public void SetValue(int index, bool value) => SetValues(value ? 1UL << index : 0, 1UL << index);

    /// <summary>Waits up to <paramref name="timeout"/> for one edge event.</summary>
    public GpioV2LineEvent? ReadEvent(TimeSpan timeout)
    {
        using var fd = _fd.Use(_chip);
        var pollFd = new LibC.PollFd { Fd = fd.Fd, Events = LibC.PollIn };
        if (LibC.Poll(&pollFd, 1, (int)timeout.TotalMilliseconds) <= 0)
        {
            return null;
        }

        GpioV2LineEvent lineEvent;
        var n = LibC.Read(fd.Fd, (byte*)&lineEvent, sizeof(GpioV2LineEvent));
        return n == sizeof(GpioV2LineEvent) ? lineEvent : null;
    }

    public void Dispose() => _fd.Dispose();
}
