namespace ChargePoint.Firmware.Energy;

/// <summary>The outcome of a local control (site limit, priority charging): applied, or refused with the
/// smart-charging reason code that refused it.</summary>
public sealed record ControlResult(bool Applied, string? ReasonCode = null, string? Detail = null)
{
    public const string NotReadyCode = "NotReady";

    public static ControlResult Ok { get; } = new(true);

    public static ControlResult NotReady { get; } = new(false, NotReadyCode, "the OCPP client is still starting; try again");
}
