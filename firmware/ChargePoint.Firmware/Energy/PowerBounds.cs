namespace ChargePoint.Firmware.Energy;

/// <summary>
/// One source's ceiling on energy transfer, for charge and discharge separately. All values are magnitudes
/// (≥ 0); null means "this source sets no bound here". Power in W, current in A.
/// </summary>
public sealed record PowerBounds(
    double? MaxChargeWatts = null,
    double? MaxDischargeWatts = null,
    double? MaxChargeAmperes = null,
    double? MaxDischargeAmperes = null)
{
    public static PowerBounds None { get; } = new();

    /// <summary>Forbids discharge while leaving charge untouched (a source that cannot take energy back).</summary>
    public PowerBounds WithoutDischarge() => this with { MaxDischargeWatts = 0, MaxDischargeAmperes = 0 };
}
