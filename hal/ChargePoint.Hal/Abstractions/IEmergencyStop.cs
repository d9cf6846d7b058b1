namespace ChargePoint.Hal.Abstractions;

/// <summary>The emergency-stop input. The hardware loop opens the contactors by itself; software must still
/// bring everything else to the safe state and report it.</summary>
public interface IEmergencyStop
{
    bool IsPressed { get; }
}
