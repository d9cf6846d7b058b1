namespace ChargePoint.V2g.Secc;

/// <summary>
/// Sign the SECC puts on discharge limits it sends. The standard's convention is positive = EVSE to EV, but
/// the field disagrees on whether discharge limits are magnitudes or negative values, so it is configurable
/// per vehicle. Limits received from the EV are accepted with either sign (their magnitude is used).
/// </summary>
public enum DischargeLimitSign
{
    Positive,
    Negative,
}
