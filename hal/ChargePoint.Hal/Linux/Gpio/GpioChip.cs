using System.Text;
using ChargePoint.Hal.Linux.Interop;

namespace ChargePoint.Hal.Linux.Gpio;

/// <summary>A GPIO chip (/dev/gpiochipN) through the uAPI v2: chip info, finding lines by name, and requesting
/// lines as outputs (with a safe initial level) or debounced, edge-detecting inputs.</summary>
public sealed unsafe class GpioChip : IGpioLineSource, IDisposable
{
    private readonly FileDescriptorHandle _fd;

    private GpioChip(FileDescriptorHandle fd, string path)
    {
        _fd = fd;
        Path = path;
        GpioChipInfo info;
        using (var lease = fd.Use(path))
        {
            Errno.ThrowIfFailed(LibC.Ioctl(lease.Fd, GpioUapi.GetChipInfo, &info), "GPIO_GET_CHIPINFO_IOCTL", path);
        }

        Name = ReadString(info.Name);
        Label = ReadString(info.Label);
        LineCount = (int)info.Lines;
    }

    public string Path { get; }

    public string Name { get; }

    public string Label { get; }

    public int LineCount { get; }

    public static GpioChip Open(string path) => new(FileDescriptorHandle.Open(path, LibC.ORdWr), path);

    /// <summary>The offset of the line with the given name (from the device tree's gpio-line-names), or null.</summary>
    public int? FindLine(string name)
    {
        var index = LineNames().ToList().IndexOf(name);
        return index < 0 ? null : index;
    }

    /// <summary>Names of every line, by offset (empty for unnamed lines).</summary>
    public IReadOnlyList<string> LineNames()
    {
        var names = new string[LineCount];
        using var fd = _fd.Use(Path);
        for (var offset = 0; offset < LineCount; offset++)
        {
            var info = new GpioV2LineInfo { Offset = (uint)offset };
            Errno.ThrowIfFailed(LibC.Ioctl(fd.Fd, GpioUapi.GetLineInfo, &info), "GPIO_V2_GET_LINEINFO_IOCTL", Path);
            names[offset] = ReadString(info.Name);
        }

        return names;
    }

    /// <summary>Requests output lines, driven to <paramref name="initialValues"/> (bit i = i-th line) at once.</summary>
    public GpioLineRequest RequestOutputs(IReadOnlyList<int> offsets, string consumer, ulong initialValues, bool activeLow = false)
    {
        var request = BuildRequest(offsets, consumer, GpioUapi.FlagOutput | (activeLow ? GpioUapi.FlagActiveLow : 0));
        request.Config.NumAttributes = 1;
        request.Config.Attributes[0] = new GpioV2LineConfigAttribute
        {
            Attribute = new GpioV2LineAttribute { Id = GpioUapi.AttributeOutputValues, Values = initialValues },
            Mask = LineMask(offsets.Count),
        };
        return Request(ref request, offsets);
    }

    /// <summary>Requests input lines with edge events on both edges and a debounce period (e.g. 10 ms for
    /// contactor mirror contacts).</summary>
    public GpioLineRequest RequestInputs(IReadOnlyList<int> offsets, string consumer, TimeSpan debounce, bool activeLow = false)
    {
        var request = BuildRequest(offsets, consumer, GpioUapi.FlagInput | GpioUapi.FlagEdgeRising | GpioUapi.FlagEdgeFalling | (activeLow ? GpioUapi.FlagActiveLow : 0));
        if (debounce > TimeSpan.Zero)
        {
            request.Config.NumAttributes = 1;
            request.Config.Attributes[0] = new GpioV2LineConfigAttribute
            {
                Attribute = new GpioV2LineAttribute { Id = GpioUapi.AttributeDebounce, DebouncePeriodMicroseconds = (uint)(debounce.Ticks / 10) },
                Mask = LineMask(offsets.Count),
            };
        }

        return Request(ref request, offsets);
    }

    public IGpioInput OpenInput(string lineName, string consumer, TimeSpan debounce, bool activeLow) =>
        new GpioInputLine(lineName, RequestInputs([RequireLine(lineName)], consumer, debounce, activeLow));

    public IGpioOutput OpenOutput(string lineName, string consumer, bool initiallyAsserted, bool activeLow) =>
        new GpioOutputLine(lineName, RequestOutputs([RequireLine(lineName)], consumer, initiallyAsserted ? 1UL : 0UL, activeLow), initiallyAsserted);

    /// <summary>Fills a line request (offsets, consumer, flags) as the kernel expects it; exposed for tests.</summary>
    public static GpioV2LineRequest BuildRequest(IReadOnlyList<int> offsets, string consumer, ulong flags)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(consumer);
        if (offsets.Count is 0 or > GpioUapi.MaxLines)
        {
            throw new ArgumentOutOfRangeException(nameof(offsets), offsets.Count, "A GPIO line request holds 1 to 64 lines.");
        }

        var request = default(GpioV2LineRequest);
        for (var i = 0; i < offsets.Count; i++)
        {
            request.Offsets[i] = (uint)offsets[i];
        }

        var name = Encoding.ASCII.GetBytes(consumer);
        var length = Math.Min(name.Length, GpioUapi.MaxNameSize - 1);
        for (var i = 0; i < length; i++)
        {
            request.Consumer[i] = name[i];
        }

        request.NumLines = (uint)offsets.Count;
        request.Config.Flags = flags;
        return request;
    }

    public void Dispose() => _fd.Dispose();

    private int RequireLine(string lineName) =>
        FindLine(lineName) ?? throw new ArgumentException($"GPIO line '{lineName}' is not on {Path}.", nameof(lineName));

    private static ulong LineMask(int count) => count == 64 ? ulong.MaxValue : (1UL << count) - 1;

    private static string ReadString(byte* bytes)
    {
        var span = new ReadOnlySpan<byte>(bytes, GpioUapi.MaxNameSize);
        var end = span.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? span : span[..end]);
    }

    private GpioLineRequest Request(ref GpioV2LineRequest request, IReadOnlyList<int> offsets)
    {
        using (var fd = _fd.Use(Path))
        fixed (GpioV2LineRequest* p = &request)
        {
            Errno.ThrowIfFailed(LibC.Ioctl(fd.Fd, GpioUapi.GetLine, p), $"GPIO_V2_GET_LINE_IOCTL for lines {string.Join(',', offsets)}", Path);
        }

        return new GpioLineRequest(new FileDescriptorHandle(request.Fd), Path, offsets.Count);
    }
}
