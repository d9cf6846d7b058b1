using ChargePoint.Firmware.Contracts.Simulation;

namespace ChargePoint.Simulators;

/// <summary>
/// The simulation plug-in the firmware loads for <c>--simulate</c>. It starts the peers that exist so far;
/// each simulator issue adds its peer here.
/// </summary>
public sealed class SimulationRig : ISimulationRig
{
    public Task<SimulationPeers> StartAsync(SimulationRequest request, IServiceProvider stationServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new SimulationPeers(null, "no simulated peers are available yet"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
