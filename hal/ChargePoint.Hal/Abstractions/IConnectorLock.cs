namespace ChargePoint.Hal.Abstractions;

/// <summary>The actuator that locks the plug in a socket outlet, with its position feedback.</summary>
public interface IConnectorLock
{
    bool IsCommandedLocked { get; }

    bool IsFeedbackLocked { get; }

    void Lock();

    void Unlock();

    /// <summary>Why the lock is faulty (its feedback disagrees with the command after the actuation time), or
    /// null. IEC 61851-1 forbids energising a socket outlet whose plug is not locked.</summary>
    string? Fault => null;
}
