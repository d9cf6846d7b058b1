namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// The values of one sweep interval before they become a <see cref="CompositePeriod"/>: kept on the stack so an
/// interval that repeats its predecessor costs no allocation. V2X baseline and curves come from <see cref="Source"/>.
/// </summary>
internal readonly record struct CombinedPeriod(
    double Limit,
    double DischargeLimit,
    double? Setpoint,
    double? SetpointReactive,
    OperationMode OperationMode,
    int? NumberPhases,
    ChargingSchedulePeriod? Source)
{
    public bool HasSameValues(in CombinedPeriod other) =>
        Limit.Equals(other.Limit) && DischargeLimit.Equals(other.DischargeLimit) && Nullable.Equals(Setpoint, other.Setpoint)
        && Nullable.Equals(SetpointReactive, other.SetpointReactive) && OperationMode == other.OperationMode
        && NumberPhases == other.NumberPhases && SameV2xInputs(Source, other.Source);

    public CompositePeriod ToCompositePeriod(int startPeriod) => new()
    {
        StartPeriod = startPeriod,
        Limit = Limit,
        DischargeLimit = DischargeLimit,
        Setpoint = Setpoint,
        SetpointReactive = SetpointReactive,
        OperationMode = OperationMode,
        NumberPhases = NumberPhases,
        V2xBaseline = Source?.V2xBaseline,
        V2xFreqWattCurve = Source?.V2xFreqWattCurve ?? [],
        V2xSignalWattCurve = Source?.V2xSignalWattCurve ?? [],
    };

    private static bool SameV2xInputs(ChargingSchedulePeriod? a, ChargingSchedulePeriod? b) =>
        ReferenceEquals(a, b)
        || (Nullable.Equals(a?.V2xBaseline, b?.V2xBaseline)
            && (a?.V2xFreqWattCurve ?? []).SequenceEqual(b?.V2xFreqWattCurve ?? [])
            && (a?.V2xSignalWattCurve ?? []).SequenceEqual(b?.V2xSignalWattCurve ?? []));
}
