namespace ChargePoint.Hal.Abstractions;

/// <summary>The actuator that locks the plug in a socket outlet, with its position feedback.</summary>
public interface IConnectorLock
{
    bool IsCommandedLocked { get; }

    bool IsFeedbackLocked { get; }

    void Lock();

    void Unlock();
}
