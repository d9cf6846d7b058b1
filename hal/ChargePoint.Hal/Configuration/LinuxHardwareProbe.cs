using ChargePoint.Hal.Linux.Interop;

namespace ChargePoint.Hal.Configuration;

/// <summary>Probes the running system: files, access(2), GPIO chips through the uAPI, /sys/class/net.</summary>
public sealed class LinuxHardwareProbe(string sysfsRoot = "/sys") : IHardwareProbe
{
    private const int ReadWriteAccess = 4 | 2;

    public bool PathExists(string path) => File.Exists(path) || Directory.Exists(path);

    public bool CanReadWrite(string path) => LibC.Access(path, ReadWriteAccess) == 0;

    public IReadOnlyList<string>? GpioLineNames(string chipPath)
    {
        try
        {
            using var chip = Linux.Gpio.GpioChip.Open(chipPath);
            return chip.LineNames();
        }
        catch (IOException)
        {
            return null;
        }
    }

    public bool NetworkInterfaceExists(string name) => Directory.Exists(Path.Combine(sysfsRoot, "class", "net", name));

    public IReadOnlyList<string> ListEntries(string directory, string prefix) =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateFileSystemEntries(directory, prefix + "*").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    public string? ReadText(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;
}
