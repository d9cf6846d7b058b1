using System.Collections.Concurrent;
using System.Collections.Immutable;
using ChargePoint.Ocpp.DeviceModel;

namespace ChargePoint.Ocpp.SmartCharging.Wire;

/// <summary>
/// Reads the smart-charging view of the station from the device model on every request, so a SetVariables of
/// V2XChargingCtrlr.Enabled takes effect on the next SetChargingProfile. Power ratings come from the layout
/// (EVSE.Power / EVSE.DischargePower maxima); an EVSE discharges only when its SupportedEnergyTransferModes
/// list a *_BPT mode and the layout gives it a discharge power.
/// Transaction start times are taken when a transaction id is first seen here (the transaction manager does not
/// expose them); Relative profiles on a transaction that started long before its first profile are anchored late.
/// </summary>
public sealed class DeviceModelSmartChargingStation : ISmartChargingStation
{
    private readonly DeviceModelService _deviceModel;
    private readonly StationLayout _layout;
    private readonly Func<int, string?> _transactionId;
    private readonly TimeProvider _time;
    private readonly double _dcVoltage;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);

    public DeviceModelSmartChargingStation(
        DeviceModelService deviceModel, StationLayout layout, Func<int, string?> transactionId, TimeProvider time, double dcNominalVoltage = 400)
    {
        ArgumentNullException.ThrowIfNull(deviceModel);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(transactionId);
        ArgumentNullException.ThrowIfNull(time);
        _deviceModel = deviceModel;
        _layout = layout;
        _transactionId = transactionId;
        _time = time;
        _dcVoltage = dcNominalVoltage;
    }

    /// <summary>SmartChargingCtrlr.ChargingProfilePersistence[TxProfile|ChargingStationExternalConstraints|LocalGeneration].</summary>
    public static ProfilePersistencePolicy PersistencePolicy(DeviceModelService deviceModel)
    {
        ArgumentNullException.ThrowIfNull(deviceModel);
        bool Persists(string purpose) => deviceModel.GetBool("SmartChargingCtrlr", "ChargingProfilePersistence", purpose);
        return new ProfilePersistencePolicy(Persists("TxProfile"), Persists("ChargingStationExternalConstraints"), Persists("LocalGeneration"));
    }

    public EvseCapabilities Connection => Capabilities(1) with
    {
        MaxChargePower = _layout.MaxPowerW * _layout.EvseCount,
        MaxChargeCurrent = Capabilities(1).MaxChargeCurrent * _layout.EvseCount,
        MaxDischargePower = _layout.MaxDischargePowerW * _layout.EvseCount,
        MaxDischargeCurrent = Capabilities(1).MaxDischargeCurrent * _layout.EvseCount,
    };

    public ProfileValidationContext Current()
    {
        var evses = ImmutableDictionary.CreateBuilder<int, EvseState>();
        for (var evse = 1; evse <= _layout.EvseCount; evse++)
        {
            evses[evse] = new EvseState(Capabilities(evse))
            {
                SupportedOperationModes = [OperationMode.ChargingOnly, .. Parse<OperationMode>(V2x("SupportedOperationModes", evse))],
                Transaction = Transaction(evse),
            };
        }

        return new ProfileValidationContext(Settings(), evses.ToImmutable());
    }

    private SmartChargingSettings Settings() => new()
    {
        RateUnits = [.. Parse<ChargingRateUnit>(_deviceModel.GetList("SmartChargingCtrlr", "RateUnit"))],
        PeriodsPerSchedule = _deviceModel.GetInt("SmartChargingCtrlr", "PeriodsPerSchedule"),
        ProfileStackLevel = _deviceModel.GetInt("SmartChargingCtrlr", "ProfileStackLevel"),
        SupportedAdditionalPurposes = [.. Parse<ChargingProfilePurpose>(_deviceModel.GetList("SmartChargingCtrlr", "SupportedAdditionalPurposes"))],
        SupportsDynamicProfiles = _deviceModel.GetBool("SmartChargingCtrlr", "SupportsDynamicProfiles"),
        SupportsRandomizedDelay = _deviceModel.GetBool("SmartChargingCtrlr", "SupportsRandomizedDelay"),
        SupportsUseLocalTime = _deviceModel.GetBool("SmartChargingCtrlr", "SupportsUseLocalTime"),
        SupportsLimitAtSoC = _deviceModel.GetBool("SmartChargingCtrlr", "SupportsLimitAtSoC"),
        SupportsEvseSleep = _deviceModel.GetBool("SmartChargingCtrlr", "SupportsEvseSleep"),
    };

    private EvseCapabilities Capabilities(int evse)
    {
        var modes = V2x("SupportedEnergyTransferModes", evse);
        var isDc = modes.Any(m => m.StartsWith("DC", StringComparison.Ordinal));
        var bidirectional = modes.Any(m => m.EndsWith("_BPT", StringComparison.Ordinal)) && _layout.MaxDischargePowerW > 0;
        var voltage = isDc ? _dcVoltage : 230;
        var phases = isDc ? 1 : 3;
        return new EvseCapabilities
        {
            IsDc = isDc,
            NominalVoltage = voltage,
            SupplyPhases = phases,
            MaxChargePower = _layout.MaxPowerW,
            MaxChargeCurrent = _layout.MaxPowerW / (voltage * phases),
            SupportsDischarge = bidirectional,
            MaxDischargePower = bidirectional ? _layout.MaxDischargePowerW : 0,
            MaxDischargeCurrent = bidirectional ? _layout.MaxDischargePowerW / (voltage * phases) : 0,
            V2xEnabled = _deviceModel.GetBool("V2XChargingCtrlr", "Enabled", evseId: evse),
        };
    }

    private ActiveTransaction? Transaction(int evse)
    {
        if (_transactionId(evse) is not { } id)
        {
            return null;
        }

        if (_firstSeen.Count > 64)
        {
            // Ended transactions are never asked for again; keep the map small.
            var running = Enumerable.Range(1, _layout.EvseCount).Select(_transactionId).ToHashSet(StringComparer.Ordinal);
            foreach (var ended in _firstSeen.Keys.Where(k => !running.Contains(k)))
            {
                _firstSeen.TryRemove(ended, out _);
            }
        }

        return new ActiveTransaction(id, _firstSeen.GetOrAdd(id, _ => _time.GetUtcNow()));
    }

    private IReadOnlyList<string> V2x(string variable, int evse) => _deviceModel.GetList("V2XChargingCtrlr", variable, evseId: evse);

    private static IEnumerable<TEnum> Parse<TEnum>(IEnumerable<string> names)
        where TEnum : struct, Enum =>
        names.Select(n => (Ok: Enum.TryParse<TEnum>(n, ignoreCase: false, out var value), Value: value)).Where(p => p.Ok).Select(p => p.Value);
}
