namespace ChargePoint.Ocpp.Json;

/// <summary>One schema violation: the CALLERROR code it maps to, a JSON pointer to the value, and why.</summary>
public readonly record struct OcppViolation(OcppErrorCode Code, string Path, string Message)
{
    public override string ToString() => $"{Code} at {(Path.Length == 0 ? "/" : Path)}: {Message}";
}
