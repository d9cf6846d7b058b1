using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Simulated;

/// <summary>A plug lock whose feedback follows the command unless the actuator is jammed.</summary>
public sealed class SimulatedConnectorLock : IConnectorLock
{
    public bool IsCommandedLocked { get; private set; }

    public bool IsFeedbackLocked { get; private set; }

    public bool IsJammed { get; set; }

    public string? Fault => IsCommandedLocked != IsFeedbackLocked
        ? $"Connector lock feedback reports {(IsFeedbackLocked ? "locked" : "unlocked")} while it is commanded {(IsCommandedLocked ? "locked" : "unlocked")}."
        : null;

    /// <summary>Fault injection: the plug is pulled out of a locked socket (the lock breaks); the actuator jams.</summary>
    public void ForceOpen()
    {
        IsJammed = true;
        IsFeedbackLocked = false;
    }

    /// <summary>Removes a jam; the feedback follows the command again.</summary>
    public void Repair()
    {
        IsJammed = false;
        IsFeedbackLocked = IsCommandedLocked;
    }

    public void Lock()
    {
        IsCommandedLocked = true;
        if (!IsJammed)
        {
            IsFeedbackLocked = true;
        }
    }

    public void Unlock()
    {
        IsCommandedLocked = false;
        if (!IsJammed)
        {
            IsFeedbackLocked = false;
        }
    }
}
