namespace ChargePoint.Hal.Configuration;

public enum IsolationRegisterMapKind
{
    /// <summary>The published ISOMETER measuring-channel layout: 4 holding registers per channel, an IEEE 754
    /// float (high word first), then alarm-and-test type in the high byte and range-and-unit in the low byte.</summary>
    IsometerChannel,

    /// <summary>An unsigned 16- or 32-bit resistance register times a scale, with an optional alarm register.</summary>
    Generic,
}
