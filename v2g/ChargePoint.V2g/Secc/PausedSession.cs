namespace ChargePoint.V2g.Secc;

/// <summary>What survives a SessionStop(Pause) so the EV can resume with its old SessionID.</summary>
public sealed record PausedSession(
    byte[] SessionId,
    string EvccId,
    Transport.V2gTransportSecurity Security,
    AppProtocol.V2gApplicationProtocol? Protocol,
    EnergyTransferService Service,
    ControlMode ControlMode,
    ushort ParameterSetId,
    EvChargingNeeds Needs);
