namespace ChargePoint.Firmware.Energy;

/// <summary>Keeps the lowest bound offered and who offered it. A missing bound is ignored; a bound that is not
/// a finite number or is negative counts as 0 (fail safe: bad input never allows more energy).</summary>
internal struct LimitAccumulator
{
    private double? _value;

    public LimitSource Source { get; private set; }

    public readonly double Value => _value ?? double.PositiveInfinity;

    /// <summary>The limit, or 0 when no source bounded it (an unbounded transfer is never commanded).</summary>
    public readonly double ValueOrZero => _value ?? 0;

    public void Offer(double? bound, LimitSource source)
    {
        if (bound is not { } raw)
        {
            return;
        }

        if (double.IsPositiveInfinity(raw))
        {
            return;
        }

        var value = double.IsFinite(raw) && raw > 0 ? raw : 0;
        if (_value is null || value < _value)
        {
            _value = value;
            Source = source;
        }
    }
}
