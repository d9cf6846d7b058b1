namespace ChargePoint.Firmware.Configuration;

/// <summary>Section <c>Storage</c>: where the station keeps its state (transactions, queue, profiles).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string Path { get; set; } = "/var/lib/chargepoint";
}
