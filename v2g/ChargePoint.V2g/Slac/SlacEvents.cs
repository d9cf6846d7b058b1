using ChargePoint.V2g.Link;

namespace ChargePoint.V2g.Slac;

/// <summary>The d-link is ready: the EV with <paramref name="EvAddress"/> joined our AVLN.</summary>
public sealed record SlacLinkReady(MacAddress EvAddress, TimeSpan MatchingDuration);

/// <summary>
/// The firmware must run the error routine: CP state E or F for at least T_step_EF (4 s), then back to B with 5 %
/// and call <see cref="EvseSlac.EnterBcd"/> again ([V2G3-M06-05..09], C_sequ_retry).
/// </summary>
public sealed record SlacErrorRoutineRequest(SlacFailureReason Reason, MacAddress? EvAddress);
