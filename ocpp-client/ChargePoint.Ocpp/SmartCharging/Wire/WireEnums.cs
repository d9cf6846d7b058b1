namespace ChargePoint.Ocpp.SmartCharging.Wire;

/// <summary>
/// The smart-charging enums exist twice: generated from the schemas (wire) and in the domain model. Member names
/// are the schema strings on both sides, so they are mapped by name; a member missing on one side is a bug.
/// </summary>
internal static class WireEnums
{
    public static TTo Map<TFrom, TTo>(TFrom value)
        where TFrom : struct, Enum
        where TTo : struct, Enum =>
        Enum.TryParse<TTo>(value.ToString(), ignoreCase: false, out var mapped) && Enum.IsDefined(mapped)
            ? mapped
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TTo).Name} has no member {value}");
}
