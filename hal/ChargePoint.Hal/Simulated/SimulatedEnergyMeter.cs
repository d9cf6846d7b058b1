using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Simulated;

/// <summary>
/// A bidirectional DC meter on the vehicle side: it integrates the real power flow (true voltage × true current,
/// not what the power module reports) into separate import and export registers. A timeout fault makes every
/// read fail as a real Modbus meter that stopped answering would.
/// </summary>
public sealed class SimulatedEnergyMeter(TimeProvider time, Func<(double Volts, double Amperes)> measure, string meterId = "SIM-METER-1") : IEnergyMeter
{
    private readonly Lock _gate = new();
    private double _importWh;
    private double _exportWh;
    private double _volts;
    private double _amperes;
    private bool _timingOut;

    public string MeterId { get; } = meterId;

    public double ImportedEnergyWattHours
    {
        get
        {
            lock (_gate)
            {
                return _importWh;
            }
        }
    }

    public double ExportedEnergyWattHours
    {
        get
        {
            lock (_gate)
            {
                return _exportWh;
            }
        }
    }

    /// <summary>Every read fails with <see cref="MeterErrorKind.Timeout"/> until cleared.</summary>
    public void InjectTimeout(bool timingOut = true)
    {
        lock (_gate)
        {
            _timingOut = timingOut;
        }
    }

    /// <summary>Integrates the power flowing during <paramref name="step"/>.</summary>
    public void Step(TimeSpan step)
    {
        var (volts, amperes) = measure();
        lock (_gate)
        {
            var energy = volts * amperes * step.TotalHours;
            if (energy >= 0)
            {
                _importWh += energy;
            }
            else
            {
                _exportWh -= energy;
            }

            _volts = volts;
            _amperes = amperes;
        }
    }

    public ValueTask<MeterReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_timingOut
                ? MeterReadResult.Failure(MeterErrorKind.Timeout, $"Meter {MeterId} did not answer.")
                : MeterReadResult.Success(new MeterReading(time.GetUtcNow(), _importWh, _exportWh, _volts * _amperes, _volts, _amperes)));
        }
    }
}
