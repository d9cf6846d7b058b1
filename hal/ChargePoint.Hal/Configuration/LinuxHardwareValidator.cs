using Microsoft.Extensions.Options;

namespace ChargePoint.Hal.Configuration;

/// <summary>
/// Checks <see cref="LinuxHardwareOptions"/> against the running system before anything is opened, so a
/// misconfigured board fails at startup with one message per error that names the setting and the fix, instead
/// of failing later in the middle of a session. Registered as an options validator (use ValidateOnStart).
/// </summary>
public sealed partial class LinuxHardwareValidator(IHardwareProbe probe) : IValidateOptions<LinuxHardwareOptions>
{
    private const string Section = LinuxHardwareOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, LinuxHardwareOptions options)
    {
        var problems = Check(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
    }

    public IReadOnlyList<HardwareConfigurationProblem> Check(LinuxHardwareOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<HardwareConfigurationProblem>();
        if (options.PilotFrontEnd == PilotFrontEndKind.Mcu)
        {
            CheckDevice(problems, $"{Section}:PilotMcuSerial:Device", options.PilotMcuSerial.Device, "serial device",
                "set it to the UART wired to the pilot MCU (list them with `ls /dev/tty*`), or enable that UART in the device tree.");
            CheckBaud(problems, $"{Section}:PilotMcuSerial:BaudRate", options.PilotMcuSerial.BaudRate);
        }
        else
        {
            CheckDirectFrontEnd(problems, options);
        }

        CheckDevice(problems, $"{Section}:MeterSerial:Device", options.MeterSerial.Device, "serial device",
            "set it to the RS-485 UART of the meter bus (e.g. /dev/ttymxc2 or /dev/ttyUSB0).");
        CheckBaud(problems, $"{Section}:MeterSerial:BaudRate", options.MeterSerial.BaudRate);
        if (string.IsNullOrWhiteSpace(options.PowerModuleSerialCan.Device))
        {
            CheckCan(problems, options.PowerModuleCanInterface);
        }
        else
        {
            CheckDevice(problems, $"{Section}:PowerModuleSerialCan:Device", options.PowerModuleSerialCan.Device, "serial device",
                "set it to the tty of the power module's USB-CAN adapter (e.g. /dev/ttyACM0), or leave it empty to use PowerModuleCanInterface (SocketCAN).");
            CheckBaud(problems, $"{Section}:PowerModuleSerialCan:BaudRate", options.PowerModuleSerialCan.BaudRate);
            if (Linux.Can.SerialLineCanCodec.BitrateCode(options.PowerModuleCanBitrate) is null)
            {
                problems.Add(new($"{Section}:PowerModuleCanBitrate", $"{options.PowerModuleCanBitrate} bit/s is not a serial-line CAN bitrate.", "use 250000 for the BIC-2200 (or 10000, 20000, 50000, 100000, 125000, 500000, 800000, 1000000)."));
            }
        }

        CheckGpio(problems, options);
        CheckSafetyPeripherals(problems, options);
        CheckPwm(problems, options);
        CheckAdc(problems, options);
        if (!string.IsNullOrWhiteSpace(options.WatchdogDevice) || options.PilotFrontEnd == PilotFrontEndKind.Direct)
        {
            // Without the pilot MCU nothing else goes safe by itself when the process hangs.
            CheckDevice(problems, $"{Section}:WatchdogDevice", options.WatchdogDevice, "watchdog device",
                options.PilotFrontEnd == PilotFrontEndKind.Direct
                    ? "the direct pilot front end needs the SoC watchdog: enable its driver, or set the device the board provides (e.g. /dev/watchdog0)."
                    : "enable the SoC watchdog driver, or set the device the board provides (e.g. /dev/watchdog0); leave it empty only when the pilot MCU is the independent safety path.");
        }

        if (options.PowerModule.Address > 7)
        {
            problems.Add(new($"{Section}:PowerModule:Address", $"address {options.PowerModule.Address} is outside 0…7.", "set the address selected on the unit's DIP switches."));
        }

        return problems;
    }

    private void CheckDevice(List<HardwareConfigurationProblem> problems, string setting, string path, string what, string fix)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add(new(setting, $"no {what} is configured.", fix));
        }
        else if (!probe.PathExists(path))
        {
            problems.Add(new(setting, $"{what} {path} does not exist.", fix));
        }
        else if (!probe.CanReadWrite(path))
        {
            problems.Add(new(setting, $"permission denied on {path}.", $"give the service user read/write access (group membership such as dialout, or a udev rule for {path})."));
        }
    }

    private static void CheckBaud(List<HardwareConfigurationProblem> problems, string setting, int baud)
    {
        try
        {
            Linux.Interop.TermiosFlags.SpeedFor(baud);
        }
        catch (ArgumentOutOfRangeException)
        {
            problems.Add(new(setting, $"{baud} is not a standard baud rate.", "use one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600."));
        }
    }

    private void CheckCan(List<HardwareConfigurationProblem> problems, string name)
    {
        if (!probe.NetworkInterfaceExists(name))
        {
            problems.Add(new($"{Section}:PowerModuleCanInterface", $"CAN interface '{name}' is absent.",
                $"load the board's CAN driver and bring it up: `ip link set {name} type can bitrate 250000 && ip link set {name} up` (see `ip -br link` for existing interfaces)."));
        }
    }

    private void CheckGpio(List<HardwareConfigurationProblem> problems, LinuxHardwareOptions options)
    {
        var lines = ConfiguredLines(options);
        if (lines.Count == 0)
        {
            return;
        }

        var chipPath = Path.Combine(options.DevRoot, options.GpioChip);
        if (!probe.PathExists(chipPath))
        {
            var chips = probe.ListEntries(options.DevRoot, "gpiochip");
            problems.Add(new($"{Section}:GpioChip", $"GPIO chip {chipPath} does not exist.", chips.Count > 0 ? $"use one of {string.Join(", ", chips)}." : "this board exposes no GPIO character devices; enable CONFIG_GPIO_CDEV."));
            return;
        }

        if (!probe.CanReadWrite(chipPath))
        {
            problems.Add(new($"{Section}:GpioChip", $"permission denied on {chipPath}.", $"give the service user access to {chipPath} (group gpio or a udev rule)."));
            return;
        }

        var names = probe.GpioLineNames(chipPath);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (setting, line) in lines)
        {
            if (seen.TryGetValue(line, out var first))
            {
                problems.Add(new(setting, $"GPIO line '{line}' is already used by {first}.", "give every signal its own line."));
                continue;
            }

            seen[line] = setting;
            if (names is not null && !names.Contains(line))
            {
                var named = names.Where(n => n.Length > 0).Take(12).ToList();
                problems.Add(new(setting, $"GPIO line '{line}' is not on {options.GpioChip}.",
                    named.Count > 0 ? $"use a line name from `gpioinfo {options.GpioChip}` (e.g. {string.Join(", ", named)}), or name the line in the device tree's gpio-line-names." : "name the line in the device tree's gpio-line-names."));
            }
        }
    }

    private void CheckPwm(List<HardwareConfigurationProblem> problems, LinuxHardwareOptions options)
    {
        if (options.PwmChip >= 0)
        {
            CheckPwmChannel(problems, options.SysfsRoot, $"{Section}:PwmChip", $"{Section}:PwmChannel", options.PwmChip, options.PwmChannel);
        }
    }

    private void CheckPwmChannel(List<HardwareConfigurationProblem> problems, string sysfsRoot, string chipSetting, string channelSetting, int pwmChip, int pwmChannel)
    {
        var pwmRoot = Path.Combine(sysfsRoot, "class", "pwm");
        var chip = Path.Combine(pwmRoot, $"pwmchip{pwmChip}");
        if (!probe.PathExists(chip))
        {
            var chips = probe.ListEntries(pwmRoot, "pwmchip");
            problems.Add(new(chipSetting, $"PWM chip {chip} does not exist.", chips.Count > 0 ? $"use one of {string.Join(", ", chips)} (match the controller through pwmchipN/device)." : "enable the PWM controller in the device tree."));
            return;
        }

        if (int.TryParse(probe.ReadText(Path.Combine(chip, "npwm")), out var count) && pwmChannel >= count)
        {
            problems.Add(new(channelSetting, $"pwmchip{pwmChip} has {count} channel(s); channel {pwmChannel} does not exist.", $"use a channel from 0 to {count - 1}."));
        }
        else if (!probe.CanReadWrite(Path.Combine(chip, "export")))
        {
            problems.Add(new(chipSetting, $"permission denied on {chip}/export.", "give the service user write access to the PWM sysfs files (udev rule for the pwm subsystem)."));
        }
    }

    private void CheckAdc(List<HardwareConfigurationProblem> problems, LinuxHardwareOptions options)
    {
        if (!string.IsNullOrEmpty(options.AdcDevice))
        {
            CheckAdcChannels(problems, options.SysfsRoot, $"{Section}:AdcDevice", options.AdcDevice, [($"{Section}:AdcChannel", options.AdcChannel)]);
        }
    }

    private void CheckAdcChannels(List<HardwareConfigurationProblem> problems, string sysfsRoot, string deviceSetting, string device, IEnumerable<(string Setting, int Channel)> channels)
    {
        var iioRoot = Path.Combine(sysfsRoot, "bus", "iio", "devices");
        var devices = probe.ListEntries(iioRoot, "iio:device");
        var match = devices.FirstOrDefault(d => probe.ReadText(Path.Combine(iioRoot, d, "name")) == device);
        if (match is null)
        {
            var names = devices.Select(d => probe.ReadText(Path.Combine(iioRoot, d, "name"))).OfType<string>().ToList();
            problems.Add(new(deviceSetting, $"no IIO device is named '{device}'.", names.Count > 0 ? $"use one of {string.Join(", ", names)}." : "enable the ADC driver in the device tree."));
            return;
        }

        foreach (var (setting, channel) in channels)
        {
            if (!probe.PathExists(Path.Combine(iioRoot, match, $"in_voltage{channel}_raw")))
            {
                problems.Add(new(setting, $"'{device}' has no channel in_voltage{channel}_raw.", $"pick a channel listed in {Path.Combine(iioRoot, match)}."));
            }
        }
    }
}
