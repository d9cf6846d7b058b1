using System.Text.Json.Serialization;

namespace ChargePoint.Firmware.Contracts.Diagnostics;

/// <summary>Source-generated serialisation of the protocol, shared by the firmware and <c>cpdiag</c> (works in trimmed builds).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(DiagnosticsRequest))]
[JsonSerializable(typeof(DiagnosticsResponse))]
[JsonSerializable(typeof(SessionSummary))]
[JsonSerializable(typeof(TraceMessage))]
[JsonSerializable(typeof(StationStatus))]
[JsonSerializable(typeof(LiveSample))]
[JsonSerializable(typeof(IReadOnlyList<SessionSummary>))]
[JsonSerializable(typeof(SessionTrace))]
[JsonSerializable(typeof(SelfTestReport))]
[JsonSerializable(typeof(IReadOnlyList<SettlementSummary>))]
[JsonSerializable(typeof(ControlAnswer))]
public sealed partial class DiagnosticsJsonContext : JsonSerializerContext;
