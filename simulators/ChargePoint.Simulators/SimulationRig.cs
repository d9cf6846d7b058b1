using ChargePoint.Firmware.Contracts.Simulation;
using ChargePoint.Hal.Simulated;
using ChargePoint.Simulators.Csms;
using ChargePoint.Simulators.Session;

namespace ChargePoint.Simulators;

/// <summary>
/// The simulation plug-in the firmware loads for <c>--simulate</c>: a session-level EV on the simulated station
/// hardware and a CSMS stand-in that asks for discharge. `none` and `external` start no EV.
/// </summary>
public sealed class SimulationRig : ISimulationRig
{
    /// <summary>The EV of the running simulation (tests inspect what it saw).</summary>
    public ScriptedEv? Ev { get; private set; }

    public Task<SimulationPeers> StartAsync(SimulationRequest request, IServiceProvider stationServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stationServices);
        if (EvScenario.Find(request.Scenario) is not { } scenario)
        {
            return Task.FromResult(new SimulationPeers(null, $"scenario {request.Scenario}: no simulated EV; the station waits"));
        }

        var hardware = Require<SimulatedStationHardware>(stationServices);
        var time = Require<TimeProvider>(stationServices);
        var csms = request.StartCsms ? new CsmsStandIn(Require<ISimulatedCsmsLink>(stationServices)) : null;
        Ev = new ScriptedEv(scenario, hardware, csms, time, request.ChargeTime, request.DischargeTime);
        var description = $"EV {scenario.Session.EnergyService} {scenario.Session.ControlMode} (session level), "
            + (csms is null ? "external CSMS" : "CSMS stand-in asking for discharge after " + request.ChargeTime.TotalSeconds + " s");
        return Task.FromResult(new SimulationPeers(null, description, Ev));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static T Require<T>(IServiceProvider services) =>
        (T)(services.GetService(typeof(T)) ?? throw new InvalidOperationException($"The station did not provide {typeof(T).Name} to the simulation rig."));
}
