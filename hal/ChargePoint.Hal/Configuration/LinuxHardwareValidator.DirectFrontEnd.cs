namespace ChargePoint.Hal.Configuration;

/// <summary>Checks of the direct (SoC PWM/ADC/GPIO) pilot front end.</summary>
public sealed partial class LinuxHardwareValidator
{
    private void CheckDirectFrontEnd(List<HardwareConfigurationProblem> problems, LinuxHardwareOptions options)
    {
        const string Prefix = $"{Section}:Direct";
        var direct = options.Direct;
        CheckPwmChannel(problems, options.SysfsRoot, $"{Prefix}:PwmChip", $"{Prefix}:PwmChannel", direct.PwmChip, direct.PwmChannel);
        if (string.IsNullOrWhiteSpace(direct.AdcDevice))
        {
            problems.Add(new($"{Prefix}:AdcDevice", "no ADC is set for the pilot peak detectors.", "set the IIO device name (cat /sys/bus/iio/devices/iio:device*/name)."));
        }
        else
        {
            var channels = new List<(string, int)> { ($"{Prefix}:HighPeakChannel", direct.HighPeakChannel), ($"{Prefix}:LowPeakChannel", direct.LowPeakChannel) };
            if (direct.ProximityChannel >= 0)
            {
                channels.Add(($"{Prefix}:ProximityChannel", direct.ProximityChannel));
            }

            CheckAdcChannels(problems, options.SysfsRoot, $"{Prefix}:AdcDevice", direct.AdcDevice, channels);
        }

        if (string.IsNullOrWhiteSpace(options.EmergencyStopLine))
        {
            problems.Add(new($"{Section}:EmergencyStopLine", "the direct front end has no MCU to read the emergency stop, and no line is set.", "set the GPIO line of the emergency-stop loop."));
        }

        if (direct.Contactors.Count == 0)
        {
            problems.Add(new($"{Prefix}:Contactors", "no contactor is configured.", "list each power-path contactor with Name, DriveLine and FeedbackLine."));
        }

        for (var i = 0; i < direct.Contactors.Count; i++)
        {
            var contactor = direct.Contactors[i];
            if (string.IsNullOrWhiteSpace(contactor.Name) || direct.Contactors.Take(i).Any(c => c.Name == contactor.Name))
            {
                problems.Add(new($"{Prefix}:Contactors:{i}:Name", $"contactor {i} has an empty or repeated name '{contactor.Name}'.", "give each contactor its own name (e.g. DC+, DC-); faults are reported by it."));
            }

            foreach (var (setting, line) in new[] { ("DriveLine", contactor.DriveLine), ("FeedbackLine", contactor.FeedbackLine) })
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    problems.Add(new($"{Prefix}:Contactors:{i}:{setting}", $"contactor '{contactor.Name}' has no {setting}.", "set the coil driver output and the mirror-contact input; a contactor without feedback cannot be checked for welding."));
                }
            }
        }

        if (direct.PeakResetPulse < TimeSpan.Zero || direct.PeakResetPulse > TimeSpan.FromMilliseconds(1))
        {
            problems.Add(new($"{Prefix}:PeakResetPulse", $"{direct.PeakResetPulse} is outside 0…1 ms.", "the hold capacitor discharges in microseconds; use e.g. 00:00:00.00002."));
        }

        if (direct.ProximityChannel >= 0 && (!(direct.ProximityPullUpOhms > 0) || !(direct.ProximitySupplyVolts > 0)))
        {
            problems.Add(new($"{Prefix}:ProximityPullUpOhms", "the PP divider needs a positive pull-up resistance and supply voltage.", "set ProximityPullUpOhms and ProximitySupplyVolts from the board schematic."));
        }
    }

    /// <summary>GPIO lines of the direct front end, with the settings that name them.</summary>
    private static IEnumerable<(string Setting, string Line)> DirectFrontEndLines(LinuxHardwareOptions options)
    {
        if (options.PilotFrontEnd != PilotFrontEndKind.Direct)
        {
            yield break;
        }

        const string Prefix = $"{Section}:Direct";
        yield return ($"{Prefix}:StateELine", options.Direct.StateELine);
        yield return ($"{Prefix}:PeakResetLine", options.Direct.PeakResetLine);
        for (var i = 0; i < options.Direct.Contactors.Count; i++)
        {
            yield return ($"{Prefix}:Contactors:{i}:DriveLine", options.Direct.Contactors[i].DriveLine);
            yield return ($"{Prefix}:Contactors:{i}:FeedbackLine", options.Direct.Contactors[i].FeedbackLine);
        }
    }
}
