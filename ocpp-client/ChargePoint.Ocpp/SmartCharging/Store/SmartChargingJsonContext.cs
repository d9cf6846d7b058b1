using System.Text.Json.Serialization;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// Source-generated JSON for storing profiles (trimming/AOT safe): camelCase names like the schema, enums as
/// their wire strings, absent values left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChargingProfile))]
internal sealed partial class SmartChargingJsonContext : JsonSerializerContext;
