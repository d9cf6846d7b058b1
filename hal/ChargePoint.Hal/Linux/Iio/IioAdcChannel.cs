using System.Globalization;

namespace ChargePoint.Hal.Linux.Iio;

/// <summary>
/// One ADC input through the IIO sysfs ABI (Documentation/ABI/testing/sysfs-bus-iio): the device is found by its
/// <c>name</c>; millivolts = (in_voltageY_raw + in_voltageY_offset) × in_voltageY_scale, where the scale may also be
/// the shared in_voltage_scale.
/// </summary>
public sealed class IioAdcChannel
{
    private readonly string _rawPath;
    private readonly double _scale;
    private readonly double _offset;

    private IioAdcChannel(string devicePath, int channel)
    {
        DevicePath = devicePath;
        _rawPath = Path.Combine(devicePath, $"in_voltage{channel}_raw");
        if (!File.Exists(_rawPath))
        {
            throw new FileNotFoundException($"IIO channel {_rawPath} does not exist.", _rawPath);
        }

        _scale = ReadDouble(Path.Combine(devicePath, $"in_voltage{channel}_scale")) ?? ReadDouble(Path.Combine(devicePath, "in_voltage_scale")) ?? 1.0;
        _offset = ReadDouble(Path.Combine(devicePath, $"in_voltage{channel}_offset")) ?? ReadDouble(Path.Combine(devicePath, "in_voltage_offset")) ?? 0.0;
    }

    public string DevicePath { get; }

    /// <summary>Opens channel <paramref name="channel"/> of the IIO device named <paramref name="deviceName"/>.</summary>
    public static IioAdcChannel Open(string sysfsIioRoot, string deviceName, int channel)
    {
        var device = FindDevice(sysfsIioRoot, deviceName)
            ?? throw new DirectoryNotFoundException($"No IIO device named '{deviceName}' under {sysfsIioRoot}.");
        return new IioAdcChannel(device, channel);
    }

    /// <summary>The iio:deviceN directory whose name file matches, or null.</summary>
    public static string? FindDevice(string sysfsIioRoot, string deviceName)
    {
        if (!Directory.Exists(sysfsIioRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(sysfsIioRoot, "iio:device*")
            .Order(StringComparer.Ordinal)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "name")) && File.ReadAllText(Path.Combine(d, "name")).Trim() == deviceName);
    }

    public int ReadRaw() => int.Parse(File.ReadAllText(_rawPath).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public double ReadMillivolts() => (ReadRaw() + _offset) * _scale;

    private static double? ReadDouble(string path) =>
        File.Exists(path) && double.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
