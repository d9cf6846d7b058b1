namespace ChargePoint.Firmware.Energy;

/// <summary>
/// Holds the inputs of one EVSE's energy decision and recomputes it on every change (a new composite schedule,
/// new EV limits from a charge loop, a new voltage). Subscribers (the power-module driver and the SECC bridge)
/// hear about every changed decision, so a new profile reaches the module and the EV within one loop.
/// </summary>
public sealed class EnergyManager
{
    private readonly Lock _gate = new();
    private EnergyInputs _inputs;
    private EnergyDecision _decision;

    public EnergyManager(EnergyInputs initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _inputs = initial;
        _decision = EnergyCalculator.Decide(initial);
    }

    /// <summary>Raised (outside the lock) after each input change that changed the decision.</summary>
    public event Action<EnergyDecision>? DecisionChanged;

    public EnergyDecision Decision
    {
        get
        {
            lock (_gate)
            {
                return _decision;
            }
        }
    }

    public EnergyInputs Inputs
    {
        get
        {
            lock (_gate)
            {
                return _inputs;
            }
        }
    }

    /// <summary>Applies <paramref name="change"/> to the inputs and returns the new decision.</summary>
    public EnergyDecision Update(Func<EnergyInputs, EnergyInputs> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        EnergyDecision decision;
        bool changed;
        lock (_gate)
        {
            _inputs = change(_inputs);
            decision = EnergyCalculator.Decide(_inputs);
            changed = decision != _decision;
            _decision = decision;
        }

        if (changed)
        {
            DecisionChanged?.Invoke(decision);
        }

        return decision;
    }
}
