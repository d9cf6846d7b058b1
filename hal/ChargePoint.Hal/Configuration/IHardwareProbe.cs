namespace ChargePoint.Hal.Configuration;

/// <summary>What startup validation asks of the system; the Linux implementation touches the real devices.</summary>
public interface IHardwareProbe
{
    bool PathExists(string path);

    /// <summary>True when the process may read and write the path.</summary>
    bool CanReadWrite(string path);

    /// <summary>Names of the lines of a GPIO chip, or null when the chip cannot be opened.</summary>
    IReadOnlyList<string>? GpioLineNames(string chipPath);

    bool NetworkInterfaceExists(string name);

    /// <summary>Entries of a directory whose names start with <paramref name="prefix"/> (empty if none).</summary>
    IReadOnlyList<string> ListEntries(string directory, string prefix);

    /// <summary>Contents of a small text file, trimmed, or null.</summary>
    string? ReadText(string path);
}
