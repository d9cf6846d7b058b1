namespace ChargePoint.Firmware.Contracts.Diagnostics;

/// <summary>The answer to a local control (<c>limit</c>, <c>priority</c>): whether it took effect, or the
/// smart-charging reason it did not.</summary>
public sealed record ControlAnswer(bool Applied, string? ReasonCode, string? Detail);
