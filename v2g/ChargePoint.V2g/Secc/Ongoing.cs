namespace ChargePoint.V2g.Secc;

/// <summary>The V2G_SECC_Ongoing_Performance_Time rule: EVSEProcessing=Ongoing may be answered for at most
/// <see cref="SeccTimings.OngoingLimit"/> (55 s) from the first Ongoing.</summary>
public static class Ongoing
{
    public static bool Expired(ISessionView session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.OngoingSince is { } since && session.Now - since >= session.Options.Timings.OngoingLimit;
    }
}
