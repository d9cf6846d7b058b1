namespace ChargePoint.Hal.Pilot;

/// <summary>How a vehicle reads a PWM duty cycle (IEC 61851-1 Table A.8).</summary>
public enum DutyMeaning
{
    /// <summary>Below 3 % or above 97 %: charging not allowed.</summary>
    NoCharging,

    /// <summary>3…7 % (5 % nominal): high-level communication (ISO 15118 / DIN SPEC 70121) required.</summary>
    DigitalCommunication,

    /// <summary>7…8 %: not a valid duty.</summary>
    Invalid,

    /// <summary>8…97 %: an available current.</summary>
    Current,
}

public readonly record struct DutyInterpretation(DutyMeaning Meaning, double CurrentAmperes);

/// <summary>The IEC 61851-1 duty-cycle ↔ current relation (Tables A.7 and A.8).</summary>
public static class DutyCycle
{
    /// <summary>Nominal duty that asks the vehicle for high-level communication.</summary>
    public const double HighLevelCommunicationPercent = 5.0;

    public const double MinCurrentAmperes = 6.0;
    public const double MaxCurrentAmperes = 80.0;

    /// <summary>The duty the EVSE sends to offer <paramref name="amperes"/>: I / 0.6 up to 51 A, then
    /// I / 2.5 + 64 up to 80 A (Table A.7). Outside 6…80 A there is no valid duty.</summary>
    public static double PercentForCurrent(double amperes)
    {
        if (!(amperes >= MinCurrentAmperes && amperes <= MaxCurrentAmperes))
        {
            throw new ArgumentOutOfRangeException(nameof(amperes), amperes, "IEC 61851-1 PWM can only offer 6 A to 80 A.");
        }

        return amperes <= 51.0 ? amperes / 0.6 : (amperes / 2.5) + 64.0;
    }

    /// <summary>The current a vehicle may draw for a measured duty (Table A.8).</summary>
    public static DutyInterpretation Interpret(double dutyPercent) => dutyPercent switch
    {
        < 3.0 => new(DutyMeaning.NoCharging, 0),
        <= 7.0 => new(DutyMeaning.DigitalCommunication, 0),
        < 8.0 => new(DutyMeaning.Invalid, 0),
        < 10.0 => new(DutyMeaning.Current, 6.0),
        <= 85.0 => new(DutyMeaning.Current, dutyPercent * 0.6),
        <= 96.0 => new(DutyMeaning.Current, (dutyPercent - 64.0) * 2.5),
        <= 97.0 => new(DutyMeaning.Current, 80.0),
        _ => new(DutyMeaning.NoCharging, 0),
    };
}
