namespace ChargePoint.Hal.Abstractions;

/// <summary>What the EVSE drives onto the control pilot.</summary>
public enum PilotOutputMode
{
    /// <summary>Constant +12 V, no PWM (state suffix 1, "X1").</summary>
    ConstantHigh,

    /// <summary>1 kHz ±12 V PWM with the given duty (state suffix 2, "X2").</summary>
    Pwm,

    /// <summary>Pilot tied to 0 V (state E; needs hardware support).</summary>
    StateE,

    /// <summary>Constant −12 V: EVSE not available (state F).</summary>
    StateF,
}

/// <summary>The pilot generator command: a mode and, for <see cref="PilotOutputMode.Pwm"/>, the duty cycle.</summary>
public readonly record struct PilotOutput(PilotOutputMode Mode, double DutyPercent)
{
    public static PilotOutput ConstantHigh => new(PilotOutputMode.ConstantHigh, 100);

    public static PilotOutput StateE => new(PilotOutputMode.StateE, 0);

    public static PilotOutput StateF => new(PilotOutputMode.StateF, 0);

    public static PilotOutput Pwm(double dutyPercent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dutyPercent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dutyPercent, 100);
        return new PilotOutput(PilotOutputMode.Pwm, dutyPercent);
    }

    public bool IsPwm => Mode == PilotOutputMode.Pwm;

    public override string ToString() => IsPwm ? $"PWM {DutyPercent:0.##} %" : Mode.ToString();
}
