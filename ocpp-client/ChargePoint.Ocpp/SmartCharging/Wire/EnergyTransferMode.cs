namespace ChargePoint.Ocpp.SmartCharging.Wire;

/// <summary>EnergyTransferModeEnumType of OCPP 2.1 (member names are the wire strings).</summary>
#pragma warning disable CA1707 // The underscores are the protocol's names (DC_BPT, AC_BPT_DER).
public enum EnergyTransferMode
{
    AC_single_phase,
    AC_two_phase,
    AC_three_phase,
    DC,
    AC_BPT,
    AC_BPT_DER,
    AC_DER,
    DC_BPT,
    DC_ACDP,
    DC_ACDP_BPT,
    WPT,
}
#pragma warning restore CA1707

/// <summary>ControlModeEnumType: ISO 15118-20 Scheduled or Dynamic control.</summary>
public enum ChargingControlMode
{
    ScheduledControl,
    DynamicControl,
}

/// <summary>MobilityNeedsModeEnumType: who decides the mobility needs in Dynamic mode.</summary>
#pragma warning disable CA1707 // EVCC_SECC is the protocol's name.
public enum MobilityNeedsMode
{
    EVCC,
    EVCC_SECC,
}
#pragma warning restore CA1707
