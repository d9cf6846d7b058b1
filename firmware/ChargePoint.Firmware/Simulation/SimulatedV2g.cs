using System.Net;
using ChargePoint.Firmware.Configuration;
using ChargePoint.Firmware.Contracts.Simulation;
using ChargePoint.Firmware.Hosting;
using ChargePoint.Firmware.V2g;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Sdp;
using ChargePoint.V2g.Slac;
using ChargePoint.V2g.Tls;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Simulation;

/// <summary>
/// EVSE 1's real V2G stack in simulation mode: on the in-memory PLC segment with the rig's modem and EV (SLAC,
/// then SDP and TLS 1.3 on IPv6 loopback), or for an outside EV on <c>V2g:Interface</c> (no SLAC).
/// </summary>
internal sealed class SimulatedV2g(
    InMemoryEthernetSegment segment,
    V2gNetworkOptions network,
    V2gTlsOptions tls,
    V2gStationOptions station,
    HalOptions rating,
    TimeProvider time,
    ILoggerFactory loggers,
    IV2gPacketInspector? inspector)
{
    public const string ExternalScenario = "external";

    /// <summary>The station's PLC host interface on the simulated segment.</summary>
    public static readonly MacAddress EvseAddress = MacAddress.Parse("02:00:00:00:0a:01");

    public V2gTlsOptions Tls => tls;

    public static SimulatedV2g From(IServiceProvider services) => new(
        services.GetRequiredService<InMemoryEthernetSegment>(),
        services.GetRequiredService<IOptions<V2gNetworkOptions>>().Value,
        services.GetRequiredService<IOptions<V2gTlsOptions>>().Value,
        services.GetRequiredService<IOptions<V2gStationOptions>>().Value,
        services.GetRequiredService<IOptions<HalOptions>>().Value,
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILoggerFactory>(),
        services.GetService<IV2gPacketInspector>()); // the diagnostics trace of every V2GTP message

    /// <summary>The rig's EV: SLAC on the segment, SDP unicast on loopback. Multicast SDP needs an interface
    /// that carries ff02::1, which <c>lo</c> does not, so the EV sends its SDP request to [::1] on the port the
    /// server bound (an ephemeral one, so parallel simulations never answer each other's EVs).</summary>
    public SeccSessionSource StartOnSegment(SimulatedEvLink ev)
    {
        var material = tls.IsConfigured
            ? tls
            : new V2gTlsOptions
            {
                CertificateChain = ev.CertificateChainPath ?? throw new StationStartupException("the simulation rig made no V2G certificate and V2g:Tls is not configured."),
                PrivateKey = ev.PrivateKeyPath,
            };
        var loopback = new V2gNetworkOptions { SdpPort = 0, SecurityPolicy = SdpSecurityPolicy.TlsRequired };
        var slac = new SlacOptions
        {
            Interface = "plc-sim",

            // In-process peers share two cores with the host: tolerate late frames as the loaded-CI tests do.
            SoundingGrace = TimeSpan.FromMilliseconds(400),
            MatchSequenceTimeout = TimeSpan.FromSeconds(2),
            AttenCharRetries = 4,
            LinkLossDebounce = 5,
        };
        var source = SeccSourceBuilder.Build(segment.CreatePort(EvseAddress, "plc-sim"), loopback, material, station, rating, time, loggers, slac, inspector);
        ev.SeccReady(new IPEndPoint(IPAddress.IPv6Loopback, source.SdpEndPoint?.Port ?? throw new InvalidOperationException("SDP server did not bind.")));
        return source;
    }

    /// <summary>An outside EV on <c>V2g:Interface</c>: SDP on UDP 15118 joined to ff02::1 there, TCP/TLS on its
    /// IPv6 link-local address; SLAC on that interface first with <c>V2g:Slac=true</c>, otherwise the link is taken
    /// as up.</summary>
    public SeccSessionSource StartForExternalEv() =>
        InterfaceV2g.Start(network, tls, station, rating, ExternalEvUsesSlac, time, loggers, inspector);

    /// <summary>True when the outside EV is matched by SLAC first (<c>V2g:Slac=true</c>).</summary>
    public bool ExternalEvUsesSlac => station.Slac == true;
}
