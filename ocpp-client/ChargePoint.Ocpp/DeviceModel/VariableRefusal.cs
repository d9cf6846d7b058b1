namespace ChargePoint.Ocpp.DeviceModel;

/// <summary>Why a SetVariables value is refused: the attributeStatusInfo of the Rejected result.</summary>
public sealed record VariableRefusal(string ReasonCode, string Detail);
