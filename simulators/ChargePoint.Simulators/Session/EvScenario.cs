using ChargePoint.Firmware.Contracts.V2g;

namespace ChargePoint.Simulators.Session;

/// <summary>The EV scenarios: which protocol, energy service and control mode the EV negotiates.</summary>
public sealed record EvScenario(string Name, HlcSessionInfo Session)
{
    private const string Dc = "urn:iso:std:iso:15118:-20:DC";
    private const string Ac = "urn:iso:std:iso:15118:-20:AC";

    public static EvScenario? Find(string name) => name switch
    {
        "dc-bpt-dynamic" => new(name, new HlcSessionInfo(Dc, "DC_BPT", "Dynamic", "EVCC0000000001")),
        "dc-bpt-scheduled" => new(name, new HlcSessionInfo(Dc, "DC_BPT", "Scheduled", "EVCC0000000001")),
        "ac-bpt-dynamic" => new(name, new HlcSessionInfo(Ac, "AC_BPT", "Dynamic", "EVCC0000000001")),
        "ac-bpt-scheduled" => new(name, new HlcSessionInfo(Ac, "AC_BPT", "Scheduled", "EVCC0000000001")),
        _ => null,
    };
}
