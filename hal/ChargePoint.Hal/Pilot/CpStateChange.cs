using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Pilot;

/// <summary>A debounced pilot state change, with the output the EVSE was driving at that moment.</summary>
public sealed record CpStateChange(CpState Previous, CpState Current, PilotOutput Output, DateTimeOffset At);
