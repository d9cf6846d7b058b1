namespace ChargePoint.Hal.Abstractions;

/// <summary>Residual current monitor (RCD/RCM, e.g. 6 mA DC detection for AC charging).</summary>
public interface IResidualCurrentMonitor
{
    /// <summary>True once the device has tripped; stays true until <see cref="Reset"/>.</summary>
    bool IsTripped { get; }

    /// <summary>The measured residual current, or <see cref="double.NaN"/> for devices that only signal a trip.</summary>
    double ReadResidualCurrentMilliamperes();

    /// <summary>Runs the device's self test and returns whether it passed (false when the device cannot be tested,
    /// see <see cref="SupportsSelfTest"/>).</summary>
    bool RunSelfTest();

    /// <summary>Clears a trip; returns false when the cause is still present.</summary>
    bool Reset();

    /// <summary>False when the device has no test input wired.</summary>
    bool SupportsSelfTest => true;
}
