using System.Globalization;
using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Ocpp.DeviceModel;

/// <summary>
/// The one place where the station's OCPP 2.1 device model is declared: every component and variable it reports
/// in GetBaseReport/GetReport and serves through Get/SetVariables, with defaults. Names follow the OCA appendix
/// (shared/notes/verified-facts.md). Unverified choices:
/// <list type="bullet">
/// <item>SmartChargingCtrlr feature flags use the appendix CSV names (SupportsDynamicProfiles, ...); another
/// implementation uses SupportsFeature[...] and the Ed2 CSV was not available to settle it.</item>
/// <item>UpdateRateLimit is not declared: errata 2025-09 deprecated it.</item>
/// </list>
/// </summary>
public static class StationDeviceModel
{
    public const string AllMeasurands = "Energy.Active.Import.Register,Energy.Active.Export.Register,Power.Active.Import,Power.Active.Export,SoC,Current.Import,Current.Export,Voltage";
    public const string TxStartStopPoints = "ParkingBayOccupancy,EVConnected,Authorized,DataSigned,PowerPathClosed,EnergyTransfer";

    private const MutabilityEnumType RO = MutabilityEnumType.ReadOnly;
    private const MutabilityEnumType RW = MutabilityEnumType.ReadWrite;
    private const MutabilityEnumType WO = MutabilityEnumType.WriteOnly;
    private const DataEnumType Bool = DataEnumType.Boolean;
    private const DataEnumType Int = DataEnumType.Integer;
    private const DataEnumType Dec = DataEnumType.Decimal;
    private const DataEnumType Str = DataEnumType.String;
    private const DataEnumType Members = DataEnumType.MemberList;
    private const DataEnumType Options = DataEnumType.OptionList;

    public static IReadOnlyList<VariableDeclaration> Declare(StationLayout layout, int securityProfile, string identity)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var list = new List<VariableDeclaration>();
        void Add(ComponentAddress c, string variable, DataEnumType type, MutabilityEnumType mutability, string value, string? instance = null, string? valuesList = null, string? unit = null, bool reboot = false, double? maxLimit = null, double? minLimit = null) =>
            list.Add(new VariableDeclaration(c, variable, instance, type, mutability, value, valuesList, unit, reboot, maxLimit, minLimit));

        var station = new ComponentAddress("ChargingStation");
        Add(station, "Available", Bool, RO, "true");
        Add(station, "AvailabilityState", Options, RO, "Available", valuesList: "Available,Occupied,Reserved,Unavailable,Faulted");
        Add(station, "Model", Str, RO, layout.Model);
        Add(station, "VendorName", Str, RO, layout.VendorName);
        Add(station, "SupplyPhases", Int, RO, "0");

        for (var evse = 1; evse <= layout.EvseCount; evse++)
        {
            var e = new ComponentAddress("EVSE", EvseId: evse);
            Add(e, "Available", Bool, RO, "true");
            Add(e, "AvailabilityState", Options, RO, "Available", valuesList: "Available,Occupied,Reserved,Unavailable,Faulted");
            Add(e, "SupplyPhases", Int, RO, "0");
            Add(e, "Power", Dec, RO, "0", unit: "W", maxLimit: layout.MaxPowerW);
            Add(e, "DischargePower", Dec, RO, "0", unit: "W", maxLimit: layout.MaxDischargePowerW); // "V2X" required; positive value.
            for (var connector = 1; connector <= layout.ConnectorsPerEvse; connector++)
            {
                var c = new ComponentAddress("Connector", EvseId: evse, ConnectorId: connector);
                Add(c, "Available", Bool, RO, "true");
                Add(c, "AvailabilityState", Options, RO, "Available", valuesList: "Available,Occupied,Reserved,Unavailable,Faulted");
                Add(c, "SupplyPhases", Int, RO, "0");
                Add(c, "ConnectorType", Str, RO, layout.ConnectorType);
            }

            // V2X capability per EVSE (appendix: EVSE tier). Enabled is the CSMS's switch, so RW.
            var v2x = new ComponentAddress("V2XChargingCtrlr", EvseId: evse);
            Add(v2x, "Available", Bool, RO, "true");
            Add(v2x, "Enabled", Bool, RW, "true");
            Add(v2x, "SupportedEnergyTransferModes", Members, RO, "DC,DC_BPT", valuesList: "DC,DC_BPT");
            // CentralFrequency: the AFRR signal is turned into power through the period's v2xSignalWattCurve (V2xMessages.AfrrPower).
            Add(v2x, "SupportedOperationModes", Members, RO, "Idle,ChargingOnly,CentralSetpoint,CentralFrequency,ExternalLimits", valuesList: "Idle,ChargingOnly,CentralSetpoint,CentralFrequency,ExternalLimits");

            var iso = new ComponentAddress("ISO15118Ctrlr", EvseId: evse);
            Add(iso, "Available", Bool, RO, "true");
            Add(iso, "Enabled", Bool, RW, "true");
            Add(iso, "ContractValidationOffline", Bool, RW, "false");
            Add(iso, "CentralContractValidationAllowed", Bool, RW, "false");
            Add(iso, "PnCEnabled", Bool, RW, "false");
            Add(iso, "V2GCertificateInstallationEnabled", Bool, RW, "false");
            Add(iso, "ContractCertificateInstallationEnabled", Bool, RW, "false");
            Add(iso, "RequestMeteringReceipt", Bool, RW, "false");
            Add(iso, "ServiceRenegotiationSupport", Bool, RO, "true");
            Add(iso, "SeccId", Str, RO, $"{identity}-{evse}");
            Add(iso, "ProtocolSupported", Str, RO, "urn:iso:std:iso:15118:-20:DC,1,0", instance: "1");

            var ev = new ComponentAddress("ConnectedEV", EvseId: evse);
            Add(ev, "Available", Bool, RO, "false");
            Add(ev, "VehicleID", Str, RO, string.Empty);
            Add(ev, "ProtocolAgreed", Str, RO, string.Empty);
            Add(ev, "ProtocolSupportedByEV", Str, RO, string.Empty, instance: "1");
            Add(ev, "StateOfCharge", Dec, RO, "0", unit: "Percent");
        }

        var smart = new ComponentAddress("SmartChargingCtrlr");
        Add(smart, "Available", Bool, RO, "true");
        Add(smart, "Enabled", Bool, RW, "true");
        Add(smart, "Entries", Int, RO, "0", instance: "ChargingProfiles");
        Add(smart, "LimitChangeSignificance", Dec, RW, "1.0", unit: "Percent");
        Add(smart, "PeriodsPerSchedule", Int, RO, "24");
        Add(smart, "ProfileStackLevel", Int, RO, "8");
        Add(smart, "RateUnit", Members, RO, "A,W", valuesList: "A,W");
        Add(smart, "ExternalControlSignalsEnabled", Bool, RW, "true");
        Add(smart, "NotifyChargingLimitWithSchedules", Bool, RW, "false");
        Add(smart, "Phases3to1", Bool, RO, "false");
        // PriorityCharging is composited (K21/K22); LocalGeneration's composite rule is not confirmed yet, so it is not offered.
        Add(smart, "SupportedAdditionalPurposes", Members, RO, "PriorityCharging", valuesList: "PriorityCharging,LocalGeneration");
        // Which purposes survive a reboot; the station's profile store follows these values (SmartCharging/Wire).
        Add(smart, "ChargingProfilePersistence", Bool, RO, "false", instance: "TxProfile");
        Add(smart, "ChargingProfilePersistence", Bool, RO, "true", instance: "ChargingStationExternalConstraints");
        Add(smart, "ChargingProfilePersistence", Bool, RO, "true", instance: "LocalGeneration");
        Add(smart, "SupportsDynamicProfiles", Bool, RO, "true"); // UpdateDynamicSchedule is served (SmartCharging/Wire).
        foreach (var feature in new[] { "SupportsUseLocalTime", "SupportsRandomizedDelay", "SupportsLimitAtSoC", "SupportsEvseSleep" })
        {
            Add(smart, feature, Bool, RO, "false");
        }

        var sampled = new ComponentAddress("SampledDataCtrlr");
        Add(sampled, "Enabled", Bool, RW, "true");
        Add(sampled, "TxStartedMeasurands", Members, RW, "Energy.Active.Import.Register,Energy.Active.Export.Register", valuesList: AllMeasurands);
        Add(sampled, "TxUpdatedMeasurands", Members, RW, "Energy.Active.Import.Register,Energy.Active.Export.Register,Power.Active.Import,Power.Active.Export", valuesList: AllMeasurands);
        Add(sampled, "TxEndedMeasurands", Members, RW, "Energy.Active.Import.Register,Energy.Active.Export.Register", valuesList: AllMeasurands);
        Add(sampled, "TxUpdatedInterval", Int, RW, "60", unit: "s", minLimit: 0);
        Add(sampled, "TxEndedInterval", Int, RW, "0", unit: "s", minLimit: 0);
        Add(sampled, "RegisterValuesWithoutPhases", Bool, RW, "true");
        Add(sampled, "SignReadings", Bool, RO, "false");

        // J01 clock-aligned meter values (Station/AlignedMeterValues); Interval 0 (the default) = off until the CSMS sets one.
        var aligned = new ComponentAddress("AlignedDataCtrlr");
        Add(aligned, "Enabled", Bool, RW, "true");
        Add(aligned, "Measurands", Members, RW, "Energy.Active.Import.Register,Energy.Active.Export.Register", valuesList: AllMeasurands);
        Add(aligned, "Interval", Int, RW, "0", unit: "s", minLimit: 0);
        Add(aligned, "SendDuringIdle", Bool, RW, "false");
        Add(aligned, "TxEndedMeasurands", Members, RW, "Energy.Active.Import.Register,Energy.Active.Export.Register", valuesList: AllMeasurands);
        Add(aligned, "TxEndedInterval", Int, RW, "0", unit: "s", minLimit: 0);

        var tx = new ComponentAddress("TxCtrlr");
        Add(tx, "TxStartPoint", Members, RW, "EVConnected", valuesList: TxStartStopPoints);
        Add(tx, "TxStopPoint", Members, RW, "EVConnected", valuesList: TxStartStopPoints);
        Add(tx, "EVConnectionTimeOut", Int, RW, "60", unit: "s", minLimit: 0);
        Add(tx, "StopTxOnInvalidId", Bool, RW, "true");
        Add(tx, "StopTxOnEVSideDisconnect", Bool, RO, "true");
        Add(tx, "TxBeforeAcceptedEnabled", Bool, RW, "false");
        // E17 (2.1): a transaction interrupted by a power loss resumes when power is back within this time; 0 = end it.
        Add(tx, "TxResumptionTimeout", Int, RW, "0", unit: "s", minLimit: 0);

        var comm = new ComponentAddress("OCPPCommCtrlr");
        Add(comm, "MessageTimeout", Int, RO, "30", instance: "Default", unit: "s");
        Add(comm, "MessageAttempts", Int, RW, "3", instance: "TransactionEvent", minLimit: 0);
        Add(comm, "MessageAttemptInterval", Int, RW, "60", instance: "TransactionEvent", unit: "s", minLimit: 0);
        Add(comm, "OfflineThreshold", Int, RW, "60", unit: "s", minLimit: 0);
        Add(comm, "QueueAllMessages", Bool, RW, "false");
        // B09/B10: slot 0 is the configured Ocpp:* profile, 1 and 2 take profiles the CSMS sets (Network/NetworkProfiles).
        // The appendix CSV calls the data type "string"; SequenceList is used because the list is ordered and B09.FR.05
        // checks configurationSlot against its valuesList (other implementations declare it SequenceList too).
        Add(comm, "NetworkConfigurationPriority", DataEnumType.SequenceList, RW, "0", valuesList: "0,1,2");
        Add(comm, "NetworkProfileConnectionAttempts", Int, RW, "3", minLimit: 1);
        Add(comm, "ActiveNetworkProfile", Str, RO, "0");
        Add(comm, "RetryBackOffWaitMinimum", Int, RW, "10", unit: "s", minLimit: 0);
        Add(comm, "RetryBackOffRandomRange", Int, RW, "10", unit: "s", minLimit: 0);
        Add(comm, "RetryBackOffRepeatTimes", Int, RW, "5", minLimit: 0);
        Add(comm, "WebSocketPingInterval", Int, RW, "30", unit: "s", minLimit: 0, reboot: true);
        Add(comm, "HeartbeatInterval", Int, RW, "300", unit: "s", minLimit: 1);
        Add(comm, "ResetRetries", Int, RW, "2", minLimit: 0);
        Add(comm, "FileTransferProtocols", Members, RO, "HTTPS", valuesList: "HTTP,HTTPS,FTP,FTPS,SFTP");

        var security = new ComponentAddress("SecurityCtrlr");
        Add(security, "SecurityProfile", Int, RO, securityProfile.ToString(CultureInfo.InvariantCulture));
        Add(security, "Identity", Str, RO, identity);
        Add(security, "BasicAuthPassword", Str, WO, string.Empty, reboot: true); // passwordString, 16..40 chars (A00.FR.205).
        Add(security, "OrganizationName", Str, RW, layout.VendorName);
        Add(security, "CertificateEntries", Int, RO, "0");

        var auth = new ComponentAddress("AuthCtrlr");
        Add(auth, "Enabled", Bool, RW, "true");
        Add(auth, "AuthorizeRemoteStart", Bool, RW, "true");
        Add(auth, "LocalAuthorizeOffline", Bool, RW, "true");
        Add(auth, "LocalPreAuthorize", Bool, RW, "false");
        Add(auth, "OfflineTxForUnknownIdEnabled", Bool, RW, "false");
        Add(auth, "DisableRemoteAuthorization", Bool, RW, "false");

        // C10/C11: the authorization cache (Authorization/AuthorizationCache), persisted, 1000 entries.
        var cache = new ComponentAddress("AuthCacheCtrlr");
        Add(cache, "Available", Bool, RO, "true");
        Add(cache, "Enabled", Bool, RW, "true");
        Add(cache, "LifeTime", Int, RW, "86400", unit: "s", minLimit: 0);
        Add(cache, "Policy", Options, RW, "LRU", valuesList: "LRU,LFU,FIFO");
        // D01/D02: the local authorization list (Authorization/LocalAuthorizationList), persisted.
        var local = new ComponentAddress("LocalAuthListCtrlr");
        Add(local, "Available", Bool, RO, "true");
        Add(local, "Enabled", Bool, RW, "true");
        Add(local, "Entries", Int, RO, "0");
        Add(local, "ItemsPerMessage", Int, RO, "100");
        Add(local, "BytesPerMessage", Int, RO, "8192");

        var clock = new ComponentAddress("ClockCtrlr");
        Add(clock, "DateTime", DataEnumType.DateTime, RO, string.Empty);
        Add(clock, "TimeSource", Members, RW, "Heartbeat", valuesList: "Heartbeat,NTP,GPS,RealTimeClock,MobileNetwork,RadioTimeTransmitter");

        var data = new ComponentAddress("DeviceDataCtrlr");
        foreach (var message in new[] { "GetReport", "GetVariables", "SetVariables" })
        {
            Add(data, "ItemsPerMessage", Int, RO, message == "GetReport" ? "20" : "50", instance: message);
            Add(data, "BytesPerMessage", Int, RO, "65000", instance: message);
        }

        return list;
    }
}
