namespace ChargePoint.Firmware.Contracts.Diagnostics;

/// <summary>The answer to <c>limit</c>: whether the site limit took effect, or the smart-charging reason it did not.</summary>
public sealed record SiteLimitAnswer(bool Applied, string? ReasonCode, string? Detail);
