namespace ChargePoint.Hal.Abstractions;

/// <summary>The two plateaus of the pilot signal as measured on the EVSE side, in volts. With PWM the high
/// plateau encodes the vehicle state and the low plateau proves the vehicle's diode; without PWM both are
/// the same constant level. <see cref="AppliedOutput"/> is the output the front end was actually driving when it
/// measured, where that can differ from the last command (a front end behind a link); null means the command.</summary>
public readonly record struct PilotMeasurement(double HighPlateauVolts, double LowPlateauVolts, PilotOutput? AppliedOutput = null);
