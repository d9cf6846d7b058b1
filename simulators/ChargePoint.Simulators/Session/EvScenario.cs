using ChargePoint.V2g.Secc;

namespace ChargePoint.Simulators.Session;

/// <summary>The EV scenarios of <c>--Simulation:Ev</c>: which ISO 15118-20 energy service and control mode the
/// simulated EV negotiates.</summary>
public sealed record EvScenario(string Name, EnergyTransferService Service, ControlMode ControlMode)
{
    public static EvScenario? Find(string name) => name switch
    {
        "dc-bpt-dynamic" => new(name, EnergyTransferService.DcBpt, ControlMode.Dynamic),
        "dc-bpt-scheduled" => new(name, EnergyTransferService.DcBpt, ControlMode.Scheduled),
        "ac-bpt-dynamic" => new(name, EnergyTransferService.AcBpt, ControlMode.Dynamic),
        "ac-bpt-scheduled" => new(name, EnergyTransferService.AcBpt, ControlMode.Scheduled),
        _ => null,
    };
}
