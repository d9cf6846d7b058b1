using ChargePoint.V2g.AppProtocol;
using ChargePoint.V2g.Exi.AppProtocol;
using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.Ac;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;
using ChargePoint.V2g.Exi.Iso20.Dc;
using ChargePoint.V2g.Secc;

namespace ChargePoint.Simulators.Ev;

/// <summary>Builds the simulated EV's requests from its options and battery state.</summary>
public sealed class EvRequests(EvSimulatorOptions options)
{
    private EvBattery Battery => options.Battery;

    private bool Bpt => options.Service.IsBidirectional();

    public supportedAppProtocolReqType AppProtocols()
    {
        var iso20 = options.Service.IsDc() ? V2gApplicationProtocols.Iso20DcNamespace : V2gApplicationProtocols.Iso20AcNamespace;
        var entries = new List<AppProtocolType>();
        if (!options.OfferOnlyLegacyProtocols)
        {
            entries.Add(new AppProtocolType { ProtocolNamespace = iso20, VersionNumberMajor = 1, VersionNumberMinor = 0, SchemaID = 1, Priority = 1 });
        }

        if (options.OfferLegacyProtocols || options.OfferOnlyLegacyProtocols)
        {
            entries.Add(new AppProtocolType { ProtocolNamespace = V2gApplicationProtocols.Iso2Namespace, VersionNumberMajor = 2, VersionNumberMinor = 0, SchemaID = 2, Priority = (byte)(entries.Count + 1) });
            entries.Add(new AppProtocolType { ProtocolNamespace = V2gApplicationProtocols.Din70121Namespace, VersionNumberMajor = 2, VersionNumberMinor = 0, SchemaID = 3, Priority = (byte)(entries.Count + 1) });
        }

        return new supportedAppProtocolReqType { AppProtocol = entries };
    }

    public SessionSetupReqType SessionSetup() => new() { EVCCID = options.EvccId };

    public static AuthorizationSetupReqType AuthorizationSetup() => new();

    public static AuthorizationReqType Authorization() => new()
    {
        SelectedAuthorizationService = authorizationType.EIM,
        EIM_AReqAuthorizationMode = new EIM_AReqAuthorizationModeType(),
    };

    public ServiceDiscoveryReqType ServiceDiscovery() => new()
    {
        SupportedServiceIDs = new ServiceIDListType { ServiceID = [(ushort)options.Service] },
    };

    public ServiceDetailReqType ServiceDetail() => new() { ServiceID = (ushort)options.Service };

    public ServiceSelectionReqType ServiceSelection(ushort parameterSetId) => new()
    {
        SelectedEnergyTransferService = new SelectedServiceType { ServiceID = (ushort)options.Service, ParameterSetID = parameterSetId },
    };

    public V2GRequestType ChargeParameterDiscovery() => options.Service.IsDc() ? DcChargeParameterDiscovery() : AcChargeParameterDiscovery();

    public ScheduleExchangeReqType ScheduleExchange()
    {
        var request = new ScheduleExchangeReqType { MaximumSupportingPoints = 1024 };
        if (options.ControlMode == ControlMode.Dynamic)
        {
            request.Dynamic_SEReqControlMode = new Dynamic_SEReqControlModeType
            {
                DepartureTime = options.DepartureTime,
                MinimumSOC = (sbyte)Battery.MinimumSocPercent,
                TargetSOC = (sbyte)Battery.TargetSocPercent,
                EVTargetEnergyRequest = Rational.From(Battery.TargetEnergyRequest),
                EVMaximumEnergyRequest = Rational.From(Battery.MaximumEnergyRequest),
                EVMinimumEnergyRequest = Rational.From(Battery.MinimumEnergyRequest),
                EVMaximumV2XEnergyRequest = Bpt ? Rational.From(Battery.MaximumV2XEnergyRequest) : null,
                EVMinimumV2XEnergyRequest = Bpt ? Rational.From(Battery.MinimumV2XEnergyRequest) : null,
            };
        }
        else
        {
            request.Scheduled_SEReqControlMode = new Scheduled_SEReqControlModeType
            {
                DepartureTime = options.DepartureTime,
                EVTargetEnergyRequest = Rational.From(Battery.TargetEnergyRequest),
                EVMaximumEnergyRequest = Rational.From(Battery.MaximumEnergyRequest),
                EVMinimumEnergyRequest = Rational.From(Battery.MinimumEnergyRequest),
            };
        }

        return request;
    }

    public static DC_CableCheckReqType CableCheck() => new();

    public DC_PreChargeReqType PreCharge(bool finished) => new()
    {
        EVProcessing = finished ? processingType.Finished : processingType.Ongoing,
        EVPresentVoltage = Rational.From(Battery.Voltage),
        EVTargetVoltage = Rational.From(Battery.Voltage),
    };

    /// <summary>PowerDeliveryReq; a Start carries the EV's power profile (<see cref="EvPowerPlan"/>: in Scheduled
    /// mode it follows <paramref name="tuple"/>, the ScheduleTuple the EV selected).</summary>
    public PowerDeliveryReqType PowerDelivery(chargeProgressType progress, EvScheduleObservation? tuple, DateTimeOffset now)
    {
        var request = new PowerDeliveryReqType { EVProcessing = processingType.Finished, ChargeProgress = progress };
        if (progress == chargeProgressType.Start)
        {
            var scheduled = options.ControlMode == ControlMode.Scheduled;
            request.EVPowerProfile = new EVPowerProfileType
            {
                TimeAnchor = (ulong)Math.Max(0, (scheduled && tuple is not null ? tuple.Start : now).ToUnixTimeSeconds()),
                Dynamic_EVPPTControlMode = scheduled ? null : new Dynamic_EVPPTControlModeType(),
                Scheduled_EVPPTControlMode = scheduled
                    ? new Scheduled_EVPPTControlModeType { SelectedScheduleTupleID = tuple?.ScheduleTupleId ?? 0 }
                    : null,
                EVPowerProfileEntries = new EVPowerProfileEntryListType
                {
                    EVPowerProfileEntry = [.. EvPowerPlan.For(scheduled ? tuple : null, Battery, TimeSpan.FromSeconds(options.DepartureTime))
                        .Select(e => new PowerScheduleEntryType { Duration = (uint)Math.Clamp(e.Duration.TotalSeconds, 1, uint.MaxValue), Power = Rational.From(e.Power) })],
                },
            };
        }

        return request;
    }

    public V2GRequestType ChargeLoop(double presentActivePower, bool meterInfo) =>
        options.Service.IsDc() ? DcChargeLoop(meterInfo) : AcChargeLoop(presentActivePower, meterInfo);

    public static DC_WeldingDetectionReqType WeldingDetection() => new() { EVProcessing = processingType.Finished };

    public static SessionStopReqType SessionStop(chargingSessionType kind) => new() { ChargingSession = kind };

    private RationalNumberType Discharge(double magnitude) => Rational.From(options.NegativeDischargeLimits ? -magnitude : magnitude);

    private DisplayParametersType Display() => new()
    {
        PresentSOC = (sbyte)Math.Round(Battery.SocPercent),
        MinimumSOC = (sbyte)Battery.MinimumSocPercent,
        TargetSOC = (sbyte)Battery.TargetSocPercent,
    };

    private DC_ChargeParameterDiscoveryReqType DcChargeParameterDiscovery()
    {
        var request = new DC_ChargeParameterDiscoveryReqType();
        if (Bpt)
        {
            request.BPT_DC_CPDReqEnergyTransferMode = FillDc(new BPT_DC_CPDReqEnergyTransferModeType
            {
                EVMaximumDischargePower = Discharge(Battery.MaximumDischargePower),
                EVMinimumDischargePower = Discharge(0),
                EVMaximumDischargeCurrent = Discharge(Battery.MaximumDischargeCurrent),
                EVMinimumDischargeCurrent = Discharge(0),
            });
        }
        else
        {
            request.DC_CPDReqEnergyTransferMode = FillDc(new DC_CPDReqEnergyTransferModeType());
        }

        return request;
    }

    private T FillDc<T>(T mode)
        where T : DC_CPDReqEnergyTransferModeType
    {
        mode.EVMaximumChargePower = Rational.From(Battery.MaximumChargePower);
        mode.EVMinimumChargePower = Rational.From(0);
        mode.EVMaximumChargeCurrent = Rational.From(Battery.MaximumChargeCurrent);
        mode.EVMinimumChargeCurrent = Rational.From(0);
        mode.EVMaximumVoltage = Rational.From(Battery.MaximumVoltage);
        mode.EVMinimumVoltage = Rational.From(Battery.MinimumVoltage);
        mode.TargetSOC = (sbyte)Battery.TargetSocPercent;
        return mode;
    }

    private AC_ChargeParameterDiscoveryReqType AcChargeParameterDiscovery()
    {
        var request = new AC_ChargeParameterDiscoveryReqType();
        if (Bpt)
        {
            request.BPT_AC_CPDReqEnergyTransferMode = new BPT_AC_CPDReqEnergyTransferModeType
            {
                EVMaximumChargePower = Rational.From(Battery.MaximumChargePower),
                EVMinimumChargePower = Rational.From(0),
                EVMaximumDischargePower = Discharge(Battery.MaximumDischargePower),
                EVMinimumDischargePower = Discharge(0),
            };
        }
        else
        {
            request.AC_CPDReqEnergyTransferMode = new AC_CPDReqEnergyTransferModeType
            {
                EVMaximumChargePower = Rational.From(Battery.MaximumChargePower),
                EVMinimumChargePower = Rational.From(0),
            };
        }

        return request;
    }

    private DC_ChargeLoopReqType DcChargeLoop(bool meterInfo)
    {
        var request = new DC_ChargeLoopReqType
        {
            DisplayParameters = Display(),
            MeterInfoRequested = meterInfo,
            EVPresentVoltage = Rational.From(Battery.Voltage),
        };
        if (options.ControlMode == ControlMode.Dynamic)
        {
            if (Bpt)
            {
                request.BPT_Dynamic_DC_CLReqControlMode = FillDynamicDc(new BPT_Dynamic_DC_CLReqControlModeType
                {
                    EVMaximumDischargePower = Discharge(Battery.MaximumDischargePower),
                    EVMinimumDischargePower = Discharge(0),
                    EVMaximumDischargeCurrent = Discharge(Battery.MaximumDischargeCurrent),
                    EVMaximumV2XEnergyRequest = Rational.From(Battery.MaximumV2XEnergyRequest),
                    EVMinimumV2XEnergyRequest = Rational.From(Battery.MinimumV2XEnergyRequest),
                });
            }
            else
            {
                request.Dynamic_DC_CLReqControlMode = FillDynamicDc(new Dynamic_DC_CLReqControlModeType());
            }
        }
        else if (Bpt)
        {
            request.BPT_Scheduled_DC_CLReqControlMode = FillScheduledDc(new BPT_Scheduled_DC_CLReqControlModeType
            {
                EVMaximumDischargePower = Discharge(Battery.MaximumDischargePower),
                EVMinimumDischargePower = Discharge(0),
                EVMaximumDischargeCurrent = Discharge(Battery.MaximumDischargeCurrent),
            });
        }
        else
        {
            request.Scheduled_DC_CLReqControlMode = FillScheduledDc(new Scheduled_DC_CLReqControlModeType());
        }

        return request;
    }

    private T FillDynamicDc<T>(T mode)
        where T : Dynamic_DC_CLReqControlModeType
    {
        mode.DepartureTime = options.DepartureTime;
        mode.EVTargetEnergyRequest = Rational.From(Battery.TargetEnergyRequest);
        mode.EVMaximumEnergyRequest = Rational.From(Battery.MaximumEnergyRequest);
        mode.EVMinimumEnergyRequest = Rational.From(Battery.MinimumEnergyRequest);
        mode.EVMaximumChargePower = Rational.From(Battery.MaximumChargePower);
        mode.EVMinimumChargePower = Rational.From(0);
        mode.EVMaximumChargeCurrent = Rational.From(Battery.MaximumChargeCurrent);
        mode.EVMaximumVoltage = Rational.From(Battery.MaximumVoltage);
        mode.EVMinimumVoltage = Rational.From(Battery.MinimumVoltage);
        return mode;
    }

    private T FillScheduledDc<T>(T mode)
        where T : Scheduled_DC_CLReqControlModeType
    {
        mode.EVTargetCurrent = Rational.From(Math.Min(Battery.MaximumChargeCurrent, Battery.MaximumChargePower / Battery.Voltage));
        mode.EVTargetVoltage = Rational.From(Battery.Voltage);
        mode.EVTargetEnergyRequest = Rational.From(Battery.TargetEnergyRequest);
        mode.EVMaximumChargePower = Rational.From(Battery.MaximumChargePower);
        mode.EVMaximumChargeCurrent = Rational.From(Battery.MaximumChargeCurrent);
        mode.EVMaximumVoltage = Rational.From(Battery.MaximumVoltage);
        return mode;
    }

    private AC_ChargeLoopReqType AcChargeLoop(double presentActivePower, bool meterInfo)
    {
        var request = new AC_ChargeLoopReqType { DisplayParameters = Display(), MeterInfoRequested = meterInfo };
        var present = Rational.From(presentActivePower);
        if (options.ControlMode == ControlMode.Dynamic)
        {
            Dynamic_AC_CLReqControlModeType mode = Bpt
                ? new BPT_Dynamic_AC_CLReqControlModeType
                {
                    EVMaximumDischargePower = Discharge(Battery.MaximumDischargePower),
                    EVMinimumDischargePower = Discharge(0),
                    EVMaximumV2XEnergyRequest = Rational.From(Battery.MaximumV2XEnergyRequest),
                    EVMinimumV2XEnergyRequest = Rational.From(Battery.MinimumV2XEnergyRequest),
                }
                : new Dynamic_AC_CLReqControlModeType();
            mode.DepartureTime = options.DepartureTime;
            mode.EVTargetEnergyRequest = Rational.From(Battery.TargetEnergyRequest);
            mode.EVMaximumEnergyRequest = Rational.From(Battery.MaximumEnergyRequest);
            mode.EVMinimumEnergyRequest = Rational.From(Battery.MinimumEnergyRequest);
            mode.EVMaximumChargePower = Rational.From(Battery.MaximumChargePower);
            mode.EVMinimumChargePower = Rational.From(0);
            mode.EVPresentActivePower = present;
            mode.EVPresentReactivePower = Rational.From(0);
            request.BPT_Dynamic_AC_CLReqControlMode = mode as BPT_Dynamic_AC_CLReqControlModeType;
            request.Dynamic_AC_CLReqControlMode = Bpt ? null : mode;
        }
        else
        {
            Scheduled_AC_CLReqControlModeType mode = Bpt
                ? new BPT_Scheduled_AC_CLReqControlModeType
                {
                    EVMaximumDischargePower = Discharge(Battery.MaximumDischargePower),
                    EVMinimumDischargePower = Discharge(0),
                }
                : new Scheduled_AC_CLReqControlModeType();
            mode.EVTargetEnergyRequest = Rational.From(Battery.TargetEnergyRequest);
            mode.EVMaximumChargePower = Rational.From(Battery.MaximumChargePower);
            mode.EVPresentActivePower = present;
            request.BPT_Scheduled_AC_CLReqControlMode = mode as BPT_Scheduled_AC_CLReqControlModeType;
            request.Scheduled_AC_CLReqControlMode = Bpt ? null : mode;
        }

        return request;
    }
}
