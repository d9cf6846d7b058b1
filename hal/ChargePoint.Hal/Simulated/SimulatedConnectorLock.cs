using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Simulated;

/// <summary>A plug lock whose feedback follows the command unless the actuator is jammed.</summary>
public sealed class SimulatedConnectorLock : IConnectorLock
{
    public bool IsCommandedLocked { get; private set; }

    public bool IsFeedbackLocked { get; private set; }

    public bool IsJammed { get; set; }

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
