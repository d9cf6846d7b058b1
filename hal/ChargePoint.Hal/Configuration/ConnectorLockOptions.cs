namespace ChargePoint.Hal.Configuration;

/// <summary>
/// A motor-driven plug lock on an H-bridge: one output drives the motor towards locked, the other towards unlocked,
/// for a fixed pulse; a microswitch reports the position. Section "Hardware:ConnectorLock"; empty lines mean a
/// tethered cable with no lock.
/// </summary>
public sealed record ConnectorLockOptions
{
    public string LockLine { get; init; } = "";

    public string UnlockLine { get; init; } = "";

    /// <summary>Input asserted while the lock reports locked.</summary>
    public string FeedbackLine { get; init; } = "";

    public bool DriveActiveLow { get; init; }

    public bool FeedbackActiveLow { get; init; }

    /// <summary>How long the motor is driven per attempt.</summary>
    public TimeSpan PulseDuration { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Wait after the pulse before the feedback must agree with the command.</summary>
    public TimeSpan FeedbackSettleTime { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Pulses tried before the lock is reported faulty.</summary>
    public int Attempts { get; init; } = 2;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(LockLine) || !string.IsNullOrWhiteSpace(UnlockLine) || !string.IsNullOrWhiteSpace(FeedbackLine);
}
