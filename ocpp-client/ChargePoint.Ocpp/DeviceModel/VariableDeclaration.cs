using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Ocpp.DeviceModel;

/// <summary>A component address: name, optional instance, optional EVSE / connector (OCPP 2.x device model tiers).</summary>
public sealed record ComponentAddress(string Name, string? Instance = null, int? EvseId = null, int? ConnectorId = null)
{
    public override string ToString() =>
        Name + (Instance is null ? string.Empty : $"[{Instance}]") + (EvseId is null ? string.Empty : $"@{EvseId}") + (ConnectorId is null ? string.Empty : $".{ConnectorId}");
}

/// <summary>One variable the station reports, with its characteristics and default (Actual) value.</summary>
public sealed record VariableDeclaration(
    ComponentAddress Component,
    string Variable,
    string? Instance,
    DataEnumType DataType,
    MutabilityEnumType Mutability,
    string Value,
    string? ValuesList = null,
    string? Unit = null,
    bool RebootRequired = false,
    double? MaxLimit = null,
    double? MinLimit = null)
{
    /// <summary>The storage key; stable across releases because it is built from the OCPP names only.</summary>
    public string Key => $"{Component}/{Variable}" + (Instance is null ? string.Empty : $"[{Instance}]");
}
