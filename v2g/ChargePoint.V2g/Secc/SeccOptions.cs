namespace ChargePoint.V2g.Secc;

/// <summary>SECC behaviour for one EVSE; configuration section <c>V2g:Secc</c> (the control mode also from
/// <c>V2g:ControlMode</c>).</summary>
public sealed class SeccOptions
{
    public const string SectionName = "V2g:Secc";

    /// <summary>EVSEID sent in SessionSetupRes (ISO 15118 / IEC 63119 format).</summary>
    public string EvseId { get; set; } = "DE*CPT*E0001*1";

    /// <summary>Energy transfer services offered, filtered by the negotiated AC/DC namespace.</summary>
    public IList<EnergyTransferService> Services { get; } = [EnergyTransferService.DcBpt, EnergyTransferService.Dc, EnergyTransferService.AcBpt, EnergyTransferService.Ac];

    /// <summary>The mode whose parameter set ServiceDetailRes lists first.</summary>
    public ControlMode PreferredControlMode { get; set; } = ControlMode.Dynamic;

    /// <summary>ServiceDetail <c>Connector</c> for DC (1 Core, 2 Extended, 3 Dual2, 4 Dual4).</summary>
    public int DcConnector { get; set; } = 2;

    /// <summary>ServiceDetail <c>Connector</c> for AC (1 single phase, 3 three phase).</summary>
    public int AcConnector { get; set; } = 3;

    /// <summary>PowerDelivery Standby accepted; otherwise WARNING_StandbyNotAllowed.</summary>
    public bool StandbyAllowed { get; set; }

    /// <summary>SessionStop ServiceRenegotiation accepted (back to ServiceDiscovery, [V2G20-1477]).</summary>
    public bool ServiceRenegotiationSupported { get; set; } = true;

    public DischargeLimitSign DischargeLimitSign { get; set; } = DischargeLimitSign.Positive;

    /// <summary>Per-vehicle override of <see cref="DischargeLimitSign"/>, keyed by EVCCID.</summary>
    public IDictionary<string, DischargeLimitSign> DischargeLimitSignByEvccId { get; } = new Dictionary<string, DischargeLimitSign>(StringComparer.OrdinalIgnoreCase);

    /// <summary>NotificationMaxDelay in Dynamic mode ([V2G20-1850]: 60 s); 0 is sent in Scheduled mode.</summary>
    public ushort DynamicNotificationMaxDelay { get; set; } = 60;

    public SeccTimings Timings { get; set; } = new();

    public DischargeLimitSign SignFor(string? evccId) =>
        evccId is not null && DischargeLimitSignByEvccId.TryGetValue(evccId, out var sign) ? sign : DischargeLimitSign;
}

/// <summary>-20 SECC timers (Table 215-217 values as cited).</summary>
public sealed class SeccTimings
{
    /// <summary>V2G_SECC_Sequence_Timeout, armed when a response is sent ([V2G20-441], [V2G20-443]).</summary>
    public TimeSpan SequenceTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Sequence timeout after an AC/DC ChargeLoopRes ([V2G20-1500], [V2G20-1502]).</summary>
    public TimeSpan ChargeLoopSequenceTimeout { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>V2G_SECC_Ongoing_Performance_Time: longest run of EVSEProcessing=Ongoing.</summary>
    public TimeSpan OngoingLimit { get; set; } = TimeSpan.FromSeconds(55);

    /// <summary>V2G_SECC_Msg_Performance_Time for AC/DC ChargeLoopRes.</summary>
    public TimeSpan ChargeLoopPerformanceTime { get; set; } = TimeSpan.FromSeconds(0.25);

    /// <summary>V2G_SECC_Msg_Performance_Time for Authorization ([V2G20-2230]), CableCheck, PreCharge,
    /// WeldingDetection; used for the other messages too (their Table 215 values are unverified).</summary>
    public TimeSpan PerformanceTime { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>After SessionStopRes the EV closes the connection; we close it ourselves after this.</summary>
    public TimeSpan CloseGrace { get; set; } = TimeSpan.FromSeconds(5);
}
