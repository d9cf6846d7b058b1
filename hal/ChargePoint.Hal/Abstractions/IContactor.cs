namespace ChargePoint.Hal.Abstractions;

/// <summary>A power contactor with a mirror (auxiliary) contact. The command is what we drive; the feedback is
/// what the mirror contact reports. A disagreement that outlasts the feedback delay is a fault, and a contact
/// that stays closed after an open command is welded.</summary>
public interface IContactor
{
    string Name { get; }

    bool IsCommandedClosed { get; }

    /// <summary>True when the mirror contact reports the main contact closed.</summary>
    bool IsFeedbackClosed { get; }

    void Close();

    void Open();
}
