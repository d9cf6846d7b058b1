using ChargePoint.V2g.Secc;

namespace ChargePoint.Firmware.V2g;

/// <summary>What every session of one EVSE's SECC starts with: its options, the limits offered before the
/// energy manager has answered, and the ratings that turn power limits into currents.</summary>
public sealed record SeccSessionSettings(SeccOptions Secc, DcEvseLimits InitialDcLimits, AcEvseLimits InitialAcLimits, SeccStationRating Rating);
