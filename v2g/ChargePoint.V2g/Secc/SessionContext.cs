using ChargePoint.V2g.AppProtocol;

namespace ChargePoint.V2g.Secc;

/// <summary>Read-only view of a session that the pure handlers see.</summary>
public interface ISessionView
{
    byte[] SessionId { get; }

    string? EvccId { get; }

    /// <summary>Null until SupportedAppProtocol selected a protocol.</summary>
    V2gApplicationProtocol? Protocol { get; }

    EnergyTransferService? Service { get; }

    ControlMode? ControlMode { get; }

    DischargeLimitSign DischargeSign { get; }

    /// <summary>Start of the current run of Ongoing answers, if any.</summary>
    DateTimeOffset? OngoingSince { get; }

    /// <summary>Tuple ID offered in the last Scheduled ScheduleExchangeRes.</summary>
    uint? OfferedScheduleTupleId { get; }

    EvChargingNeeds Needs { get; }

    SeccOptions Options { get; }

    DateTimeOffset Now { get; }
}

/// <summary>Mutable state of one -20 session; only the state classes change it.</summary>
public sealed class SessionContext(SeccOptions options, TimeProvider timeProvider) : ISessionView
{
    public byte[] SessionId { get; set; } = new byte[8];

    public string? EvccId { get; set; }

    public V2gApplicationProtocol? Protocol { get; set; }

    public EnergyTransferService? Service { get; set; }

    public ControlMode? ControlMode { get; set; }

    public ushort ParameterSetId { get; set; }

    public DischargeLimitSign DischargeSign => Options.SignFor(EvccId);

    public DateTimeOffset? OngoingSince { get; set; }

    public uint? OfferedScheduleTupleId { get; set; }

    public EvChargingNeeds Needs { get; set; } = new();

    public bool CableCheckStarted { get; set; }

    public bool WeldingDetectionStarted { get; set; }

    public bool AuthorizationRequested { get; set; }

    /// <summary>DC: PreCharge answered with EVProcessing=Finished; only then may PowerDelivery follow
    /// ([V2G20-2005], [V2G20-2006]).</summary>
    public bool PreChargeFinished { get; set; }

    public SeccOptions Options { get; } = options;

    public DateTimeOffset Now => timeProvider.GetUtcNow();
}
