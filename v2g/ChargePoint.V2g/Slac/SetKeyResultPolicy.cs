namespace ChargePoint.V2g.Slac;

/// <summary>
/// Which CM_SET_KEY.CNF result counts as success. HomePlug says 0x00; QCA-family modems answer 0x01 on success.
/// Accepting both is the default because either modem family may be fitted.
/// </summary>
public enum SetKeyResultPolicy
{
    AcceptBoth,
    StandardZeroOnly,
    ModemCompatibleOneOnly,
}
