namespace ChargePoint.Firmware.Contracts.Diagnostics;

/// <summary>The <c>selftest</c> answer: one row per check; <see cref="Passed"/> only when every check passed.</summary>
public sealed record SelfTestReport(DateTimeOffset Timestamp, int EvseId, bool Passed, IReadOnlyList<SelfTestCheck> Checks);

public sealed record SelfTestCheck(string Name, bool Passed, string Detail);
