namespace ChargePoint.Firmware.Energy;

/// <summary>Which input set the effective limit (shown by diagnostics, logged on change).</summary>
public enum LimitSource
{
    /// <summary>No input bounded the value (cannot happen once the EVSE rating is known).</summary>
    None,

    /// <summary>The OCPP composite schedule (charging profiles, K08).</summary>
    Schedule,

    /// <summary>The EV's own maxima from the ISO 15118-20 session.</summary>
    Ev,

    /// <summary>The EVSE's configured rating (EVSE.Power / EVSE.DischargePower).</summary>
    Evse,

    /// <summary>The power module's capabilities.</summary>
    PowerModule,

    /// <summary>The cable's ampacity.</summary>
    Cable,
}
