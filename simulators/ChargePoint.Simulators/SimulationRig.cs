using System.Security.Cryptography.X509Certificates;
using ChargePoint.Firmware.Contracts.Simulation;
using ChargePoint.Hal.Simulated;
using ChargePoint.Simulators.Csms;
using ChargePoint.Simulators.Pki;
using ChargePoint.Simulators.Session;
using ChargePoint.V2g.Link;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Simulators;

/// <summary>
/// The simulation plug-in the firmware loads for <c>--simulate</c>: an ISO 15118-20 EV with its PLC modem on the
/// station's in-memory PLC segment, driving the simulated vehicle (plug, S2, battery), and, without
/// Ocpp:CsmsUrl, an OCPP 2.1 CSMS over WebSocket that asks for discharge. Without <c>V2g:Tls</c> it makes a
/// throwaway V2G PKI for the station's TLS listener. `none` and `external` start no EV.
/// </summary>
public sealed class SimulationRig : ISimulationRig
{
    private SimulationPki? _pki;

    /// <summary>The EV of the running simulation (tests inspect what it saw).</summary>
    public SimulatedVehicle? Ev { get; private set; }

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
        var loggers = stationServices.GetService(typeof(ILoggerFactory)) as ILoggerFactory ?? NullLoggerFactory.Instance;
        X509Certificate2 root;
        if (request.StationCertificateChain is { } chain)
        {
            // The station's own V2G PKI: the EV trusts the topmost certificate of its chain file.
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPemFile(chain);
            root = certificates[^1];
        }
        else
        {
            _pki = SimulationPki.Create(time.GetUtcNow());
            root = _pki.Root;
        }

        Ev = new SimulatedVehicle(scenario, hardware, Require<InMemoryEthernetSegment>(stationServices), root, time, request.ChargeTime, request.DischargeTime, loggers) { PauseTime = request.PauseTime };
        var description = $"EV {scenario.Service} {scenario.ControlMode} over SLAC, SDP, TLS 1.3 and ISO 15118-20, {csmsLine}";
        var link = new SimulatedEvLink(_pki?.CertificateChainPath, _pki?.PrivateKeyPath, Ev.SeccReady);
        return Task.FromResult(new SimulationPeers(Csms?.Url, description, link));
    }

    /// <summary>The simulation's CSMS, when the station has no Ocpp:CsmsUrl.</summary>
    public SimulatedCsms? Csms { get; private set; }

    public async ValueTask DisposeAsync()
    {
        if (Ev is { } ev)
        {
            Ev = null;
            await ev.DisposeAsync();
        }

        if (Csms is not null)
        {
            await Csms.DisposeAsync().ConfigureAwait(false);
            Csms = null;
        }

        _pki?.Dispose();
        _pki = null;
    }

    private static T Require<T>(IServiceProvider services) =>
        (T)(services.GetService(typeof(T)) ?? throw new InvalidOperationException($"The station did not provide {typeof(T).Name} to the simulation rig."));
}
