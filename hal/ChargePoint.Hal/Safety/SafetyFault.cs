namespace ChargePoint.Hal.Safety;

/// <summary>A fault that tripped the safety reaction, with when it was detected and a human-readable cause.</summary>
public sealed record SafetyFault(SafetyFaultKind Kind, string Detail, DateTimeOffset DetectedAt)
{
    public override string ToString() => $"{Kind}: {Detail}";
}
