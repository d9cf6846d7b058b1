using ChargePoint.Firmware.Contracts.Simulation;
using ChargePoint.Hal.Simulated;
using ChargePoint.Simulators.Csms;
using ChargePoint.Simulators.Session;

namespace ChargePoint.Simulators;

/// <summary>
/// The simulation plug-in the firmware loads for <c>--simulate</c>: a session-level EV on the simulated station
/// hardware and, without Ocpp:CsmsUrl, an OCPP 2.1 CSMS over WebSocket that asks for discharge. `none` and `external` start no EV.
/// </summary>
public sealed class SimulationRig : ISimulationRig
{
    /// <summary>The EV of the running simulation (tests inspect what it saw).</summary>
    public ScriptedEv? Ev { get; private set; }

    public Task<SimulationPeers> StartAsync(SimulationRequest request, IServiceProvider stationServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stationServices);
        var time = Require<TimeProvider>(stationServices);
        if (request.StartCsms)
        {
            Csms = new SimulatedCsms(request.ChargeTime, time);
            Csms.Start();
        }

        var csmsLine = Csms is null ? "external CSMS" : $"built-in OCPP 2.1 CSMS at {Csms.Url} asking for discharge {request.ChargeTime.TotalSeconds} s into the transaction";
        if (EvScenario.Find(request.Scenario) is not { } scenario)
        {
            return Task.FromResult(new SimulationPeers(Csms?.Url, $"scenario {request.Scenario}: no simulated EV; the station waits; {csmsLine}"));
        }

        var hardware = Require<SimulatedStationHardware>(stationServices);
        Ev = new ScriptedEv(scenario, hardware, time, request.ChargeTime, request.DischargeTime);
        var description = $"EV {scenario.Session.EnergyService} {scenario.Session.ControlMode} (session level), {csmsLine}";
        return Task.FromResult(new SimulationPeers(Csms?.Url, description, Ev));
    }

    /// <summary>The simulation's CSMS, when the station has no Ocpp:CsmsUrl.</summary>
    public SimulatedCsms? Csms { get; private set; }

    public async ValueTask DisposeAsync()
    {
        if (Csms is not null)
        {
            await Csms.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static T Require<T>(IServiceProvider services) =>
        (T)(services.GetService(typeof(T)) ?? throw new InvalidOperationException($"The station did not provide {typeof(T).Name} to the simulation rig."));
}
