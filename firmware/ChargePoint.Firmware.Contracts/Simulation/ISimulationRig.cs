namespace ChargePoint.Firmware.Contracts.Simulation;

/// <summary>
/// The simulation plug-in that <c>chargepoint --simulate</c> loads at run time from <c>cpsim.dll</c> beside it.
/// The firmware never compiles against the simulators: it finds the one public type implementing this
/// interface in that assembly and hands it the station's services, from which the rig takes the simulated
/// hardware and links it needs (the types it looks up belong to hal, v2g and ocpp-client, which both sides know).
/// </summary>
public interface ISimulationRig : IAsyncDisposable
{
    /// <summary>Starts the simulated peers (PLC modem, EV, CSMS) for <paramref name="request"/>.</summary>
    Task<SimulationPeers> StartAsync(SimulationRequest request, IServiceProvider stationServices, CancellationToken cancellationToken);
}

/// <summary>What the station asks the rig to simulate.</summary>
/// <param name="Scenario">EV scenario name, e.g. <c>dc-bpt-dynamic</c>, <c>none</c> or <c>external</c>.</param>
/// <param name="StartCsms">True when no <c>Ocpp:CsmsUrl</c> was configured and the rig must provide a CSMS.</param>
/// <param name="ChargeTime">How long the EV charges before the CSMS asks for discharge.</param>
/// <param name="DischargeTime">How long the EV discharges before it stops the session.</param>
/// <param name="StationCertificateChain">The PEM chain of <c>V2g:Tls:CertificateChain</c> when configured (the
/// simulated EV trusts its topmost certificate); null lets the rig make a throwaway V2G PKI.</param>
/// <param name="PauseTime">When positive, the EV pauses its session halfway through the charge time for this long
/// and then resumes it.</param>
public sealed record SimulationRequest(string Scenario, bool StartCsms, TimeSpan ChargeTime, TimeSpan DischargeTime, string? StationCertificateChain = null, TimeSpan PauseTime = default);

/// <summary>What the rig started.</summary>
/// <param name="CsmsUrl">The built-in CSMS's WebSocket URL (without station id), or null when none was started.</param>
/// <param name="Description">One line for the console saying which peers run.</param>
/// <param name="Ev">The simulated EV's side of the ISO 15118 link, or null when no EV is simulated.</param>
public sealed record SimulationPeers(Uri? CsmsUrl, string Description, SimulatedEvLink? Ev = null);

/// <summary>
/// What the station and the rig's EV exchange to run real ISO 15118-20 sessions: the EV's PLC modem sits on the
/// station's in-memory Ethernet segment (a service both sides take from the station's services), the station
/// runs SLAC, SDP and the TLS listener, and tells the EV where SDP answers once it is up.
/// </summary>
/// <param name="CertificateChainPath">PEM chain (SECC leaf first) of the rig's throwaway V2G PKI, or null.</param>
/// <param name="PrivateKeyPath">PEM private key of that leaf, or null.</param>
/// <param name="SeccReady">Called by the station with its SDP server's endpoint once SDP and TLS are up.</param>
public sealed record SimulatedEvLink(string? CertificateChainPath, string? PrivateKeyPath, Action<System.Net.IPEndPoint> SeccReady);
