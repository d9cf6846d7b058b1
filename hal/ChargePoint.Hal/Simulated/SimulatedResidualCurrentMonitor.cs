using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Simulated;

/// <summary>A residual current monitor that trips on an injected leakage and resets once it is gone.</summary>
public sealed class SimulatedResidualCurrentMonitor : IResidualCurrentMonitor
{
    private volatile bool _tripped;
    private double _residualMilliamperes;

    public bool IsTripped => _tripped;

    /// <summary>When true, the next self test fails.</summary>
    public bool SelfTestFails { get; set; }

    public double ReadResidualCurrentMilliamperes() => Volatile.Read(ref _residualMilliamperes);

    /// <summary>Injects a leakage current; at or above the 6 mA DC threshold the device trips.</summary>
    public void InjectResidualCurrent(double milliamperes)
    {
        Volatile.Write(ref _residualMilliamperes, milliamperes);
        if (milliamperes >= 6)
        {
            _tripped = true;
        }
    }

    public bool RunSelfTest() => !SelfTestFails;

    public bool Reset()
    {
        if (ReadResidualCurrentMilliamperes() >= 6)
        {
            return false;
        }

        _tripped = false;
        return true;
    }
}
