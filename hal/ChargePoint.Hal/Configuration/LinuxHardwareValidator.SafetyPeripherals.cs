namespace ChargePoint.Hal.Configuration;

/// <summary>Checks of the optional safety peripherals: RCD, insulation monitor, connector lock.</summary>
public sealed partial class LinuxHardwareValidator
{
    /// <summary>Every configured GPIO line with the setting that names it, in a stable order.</summary>
    private static List<(string Setting, string Line)> ConfiguredLines(LinuxHardwareOptions options)
    {
        var lines = new List<(string, string)>();
        void Add(string setting, string line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                lines.Add(($"{Section}:{setting}", line));
            }
        }

        Add("EmergencyStopLine", options.EmergencyStopLine);
        var rcd = options.ResidualCurrentMonitor;
        Add("ResidualCurrentMonitor:TripLine", rcd.TripLine);
        if (rcd.IsConfigured)
        {
            Add("ResidualCurrentMonitor:TestLine", rcd.TestLine);
            Add("ResidualCurrentMonitor:ResetLine", rcd.ResetLine);
        }

        var imd = options.IsolationMonitor;
        if (imd.Kind == IsolationMonitorKind.Gpio)
        {
            Add("IsolationMonitor:FaultLine", imd.FaultLine);
            Add("IsolationMonitor:WarningLine", imd.WarningLine);
        }

        if (imd.Kind != IsolationMonitorKind.None)
        {
            Add("IsolationMonitor:EnableLine", imd.EnableLine);
        }

        Add("ConnectorLock:LockLine", options.ConnectorLock.LockLine);
        Add("ConnectorLock:UnlockLine", options.ConnectorLock.UnlockLine);
        Add("ConnectorLock:FeedbackLine", options.ConnectorLock.FeedbackLine);
        foreach (var (setting, line) in DirectFrontEndLines(options))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                lines.Add((setting, line));
            }
        }

        return lines;
    }

    private void CheckSafetyPeripherals(List<HardwareConfigurationProblem> problems, LinuxHardwareOptions options)
    {
        CheckResidualCurrentMonitor(problems, options.ResidualCurrentMonitor);
        CheckIsolationMonitor(problems, options.IsolationMonitor);
        CheckConnectorLock(problems, options.ConnectorLock);
    }

    private static void CheckResidualCurrentMonitor(List<HardwareConfigurationProblem> problems, ResidualCurrentMonitorOptions rcd)
    {
        const string Prefix = $"{Section}:ResidualCurrentMonitor";
        if (!rcd.IsConfigured && (!string.IsNullOrWhiteSpace(rcd.TestLine) || !string.IsNullOrWhiteSpace(rcd.ResetLine)))
        {
            problems.Add(new($"{Prefix}:TripLine", "a test or reset line is set but no trip line.", "set the GPIO line the module's trip output is wired to."));
        }

        if (rcd.IsConfigured && (rcd.SelfTestTimeout <= TimeSpan.Zero || rcd.SelfTestTimeout > TimeSpan.FromSeconds(5)))
        {
            problems.Add(new($"{Prefix}:SelfTestTimeout", $"{rcd.SelfTestTimeout} is outside 1 ms…5 s.", "set the module's test response time from its datasheet plus a margin (e.g. 00:00:00.5)."));
        }

        if (!string.IsNullOrWhiteSpace(rcd.ResetLine) && (rcd.ResetPulse <= TimeSpan.Zero || rcd.ResetPulse > TimeSpan.FromSeconds(2)))
        {
            problems.Add(new($"{Prefix}:ResetPulse", $"{rcd.ResetPulse} is outside 1 ms…2 s.", "set the reset pulse width the module's datasheet asks for (e.g. 00:00:00.1)."));
        }
    }

    private void CheckIsolationMonitor(List<HardwareConfigurationProblem> problems, IsolationMonitorOptions imd)
    {
        const string Prefix = $"{Section}:IsolationMonitor";
        if (!Enum.IsDefined(imd.Kind))
        {
            problems.Add(new($"{Prefix}:Kind", $"'{imd.Kind}' is not a kind of insulation monitor.", "use None, Gpio or Modbus."));
            return;
        }

        if (imd.Kind == IsolationMonitorKind.Gpio && string.IsNullOrWhiteSpace(imd.FaultLine))
        {
            problems.Add(new($"{Prefix}:FaultLine", "Kind is Gpio but no fault line is set.", "set the GPIO line the device's alarm (fault) relay is wired to, or use Kind Modbus."));
        }

        if (imd.Kind != IsolationMonitorKind.Modbus)
        {
            return;
        }

        if (imd.UnitAddress is 0 or > 247)
        {
            problems.Add(new($"{Prefix}:UnitAddress", $"unit address {imd.UnitAddress} is outside 1…247.", "set the Modbus address configured on the device."));
        }

        if (imd.RegisterMap == IsolationRegisterMapKind.Generic)
        {
            if (imd.ResistanceRegisterCount is not (1 or 2))
            {
                problems.Add(new($"{Prefix}:ResistanceRegisterCount", $"{imd.ResistanceRegisterCount} is not 1 or 2.", "use 1 for a 16-bit and 2 for a 32-bit resistance register."));
            }

            if (!(imd.OhmsPerCount > 0) || double.IsInfinity(imd.OhmsPerCount))
            {
                problems.Add(new($"{Prefix}:OhmsPerCount", $"{imd.OhmsPerCount} is not a positive scale.", "set the ohms per register count from the device's register map (e.g. 1000 for kΩ)."));
            }

            if (imd.AlarmRegister is < -1 or > ushort.MaxValue)
            {
                problems.Add(new($"{Prefix}:AlarmRegister", $"{imd.AlarmRegister} is not a register address.", "set a register from 0 to 65535, or -1 for none."));
            }
        }
        else if (!Enum.IsDefined(imd.RegisterMap))
        {
            problems.Add(new($"{Prefix}:RegisterMap", $"'{imd.RegisterMap}' is not a register map.", "use IsometerChannel or Generic."));
        }

        if (imd.PollPeriod < TimeSpan.FromMilliseconds(50) || imd.PollPeriod > TimeSpan.FromSeconds(10))
        {
            problems.Add(new($"{Prefix}:PollPeriod", $"{imd.PollPeriod} is outside 50 ms…10 s.", "poll the device about once a second (00:00:01)."));
        }

        if (imd.CommunicationTimeout < imd.PollPeriod * 2)
        {
            problems.Add(new($"{Prefix}:CommunicationTimeout", $"{imd.CommunicationTimeout} is shorter than two poll periods ({imd.PollPeriod * 2}).", "allow at least two polls, e.g. 00:00:05."));
        }

        if (!string.IsNullOrWhiteSpace(imd.Serial.Device))
        {
            CheckDevice(problems, $"{Prefix}:Serial:Device", imd.Serial.Device, "serial device",
                "set the UART the insulation monitor is wired to, or leave it empty to share the meter's RS-485 bus.");
            CheckBaud(problems, $"{Prefix}:Serial:BaudRate", imd.Serial.BaudRate);
        }
    }

    private static void CheckConnectorLock(List<HardwareConfigurationProblem> problems, ConnectorLockOptions lockOptions)
    {
        const string Prefix = $"{Section}:ConnectorLock";
        if (!lockOptions.IsConfigured)
        {
            return;
        }

        foreach (var (setting, line) in new[] { ("LockLine", lockOptions.LockLine), ("UnlockLine", lockOptions.UnlockLine), ("FeedbackLine", lockOptions.FeedbackLine) })
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                problems.Add(new($"{Prefix}:{setting}", "the connector lock needs a lock output, an unlock output and a feedback input, and this one is not set.", "set all three lines, or none for a tethered cable."));
            }
        }

        if (lockOptions.PulseDuration < TimeSpan.FromMilliseconds(10) || lockOptions.PulseDuration > TimeSpan.FromSeconds(5))
        {
            problems.Add(new($"{Prefix}:PulseDuration", $"{lockOptions.PulseDuration} is outside 10 ms…5 s.", "set the actuator's drive time from its datasheet (typically 00:00:00.3); a longer pulse can burn the motor."));
        }

        if (lockOptions.FeedbackSettleTime < TimeSpan.Zero || lockOptions.FeedbackSettleTime > TimeSpan.FromSeconds(2))
        {
            problems.Add(new($"{Prefix}:FeedbackSettleTime", $"{lockOptions.FeedbackSettleTime} is outside 0…2 s.", "set the time the position switch needs after the pulse (e.g. 00:00:00.1)."));
        }

        if (lockOptions.Attempts is < 1 or > 5)
        {
            problems.Add(new($"{Prefix}:Attempts", $"{lockOptions.Attempts} is outside 1…5.", "use 2: one retry catches a plug that was not fully inserted."));
        }
    }
}
