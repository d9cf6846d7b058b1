namespace ChargePoint.V2g.Secc;

/// <summary>
/// Typed control events from the firmware into the SECC of one EVSE (present values, isolation result,
/// authorization, limits and schedules from the energy manager, stop/pause requests). Each call replaces the
/// cached <see cref="Snapshot"/> atomically; the session reads it without blocking.
/// </summary>
public sealed class SeccControl
{
    private readonly Lock _gate = new();
    private EvseSnapshot _snapshot;

    public SeccControl(DcEvseLimits dcLimits, AcEvseLimits acLimits)
    {
        _snapshot = new EvseSnapshot { DcLimits = dcLimits, AcLimits = acLimits };
    }

    public EvseSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public void SetPresentValues(double voltage, double current, double activePower = 0) =>
        Update(s => s with { PresentVoltage = voltage, PresentCurrent = current, PresentActivePower = activePower });

    public void ReportIsolation(IsolationStatus status) => Update(s => s with { Isolation = status });

    public void Authorize(bool accepted) =>
        Update(s => s with { Authorization = accepted ? AuthorizationDecision.Accepted : AuthorizationDecision.Rejected });

    public void SetDcLimits(DcEvseLimits limits) => Update(s => s with { DcLimits = limits });

    public void SetAcLimits(AcEvseLimits limits) => Update(s => s with { AcLimits = limits });

    /// <summary>AC Dynamic: the active power the EV shall draw (negative = feed back). Null = EV's maximum.</summary>
    public void SetTargetActivePower(double? watts) => Update(s => s with { TargetActivePower = watts });

    public void SetSchedule(EvseSchedule? schedule) => Update(s => s with { Schedule = schedule });

    public void SetMeter(string meterId, ulong chargedWh, ulong dischargedWh) =>
        Update(s => s with { MeterId = meterId, ChargedEnergyWh = chargedWh, DischargedEnergyWh = dischargedWh });

    /// <summary>Asks the EV to stop: EVSENotification=Terminate in the next loop response.</summary>
    public void RequestStop() => Notify(EvseNotificationRequest.Terminate);

    /// <summary>Asks the EV to pause the session (EVSENotification=Pause).</summary>
    public void RequestPause() => Notify(EvseNotificationRequest.Pause);

    /// <summary>New limits or schedule: asks the EV to renegotiate (EVSENotification=ScheduleRenegotiation).</summary>
    public void RequestScheduleRenegotiation() => Notify(EvseNotificationRequest.ScheduleRenegotiation);

    public void Notify(EvseNotificationRequest request) => Update(s => s with { Notification = request });

    /// <summary>Clears what belongs to one session (authorization, isolation, pending notification).</summary>
    internal void BeginSession() => Update(s => s with
    {
        Authorization = AuthorizationDecision.Pending,
        Isolation = IsolationStatus.Testing,
        Notification = EvseNotificationRequest.None,
    });

    /// <summary>Called once a notification went out, so it is sent once per request.</summary>
    internal void ClearNotification(EvseNotificationRequest sent) => Update(s => s.Notification == sent ? s with { Notification = EvseNotificationRequest.None } : s);

    private void Update(Func<EvseSnapshot, EvseSnapshot> change)
    {
        lock (_gate)
        {
            Volatile.Write(ref _snapshot, change(_snapshot));
        }
    }
}
