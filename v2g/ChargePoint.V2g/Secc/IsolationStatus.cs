namespace ChargePoint.V2g.Secc;

/// <summary>Result of the DC isolation test the firmware runs during CableCheck.</summary>
public enum IsolationStatus
{
    Testing,
    Valid,
    Fault,
}

/// <summary>The firmware's EIM authorization decision for the current session.</summary>
public enum AuthorizationDecision
{
    Pending,
    Accepted,
    Rejected,
}
