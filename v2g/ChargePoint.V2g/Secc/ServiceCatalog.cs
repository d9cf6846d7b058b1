using ChargePoint.V2g.AppProtocol;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;

namespace ChargePoint.V2g.Secc;

/// <summary>
/// The services and parameter sets we offer. Parameter set IDs are stable (1 = Scheduled, 2 = Dynamic);
/// the configured preferred mode is listed first. Parameter names and values as in -20 ServiceDetail:
/// Connector, ControlMode, EVSENominalVoltage (AC), MobilityNeedsMode (1 = provided by the EVCC),
/// Pricing (0 = none), BPTChannel (1 = unified), GeneratorMode (1 = grid following),
/// GridCodeIslandingDetectionMethod (AC_BPT).
/// </summary>
public static class ServiceCatalog
{
    public static IReadOnlyList<EnergyTransferService> Offered(SeccOptions options, V2gApplicationProtocol? protocol)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Services.Where(s => s.IsDc() == (protocol == V2gApplicationProtocol.Iso20Dc)).Distinct().ToList();
    }

    public static ushort ParameterSetId(ControlMode mode) => (ushort)mode;

    public static ControlMode? ModeOf(ushort parameterSetId) => parameterSetId switch
    {
        1 => ControlMode.Scheduled,
        2 => ControlMode.Dynamic,
        _ => null,
    };

    public static List<ParameterSetType> ParameterSets(EnergyTransferService service, SeccOptions options, EvseSnapshot evse)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(evse);
        ControlMode[] modes = options.PreferredControlMode == ControlMode.Dynamic
            ? [ControlMode.Dynamic, ControlMode.Scheduled]
            : [ControlMode.Scheduled, ControlMode.Dynamic];
        return modes.Select(mode => ParameterSet(service, mode, options, evse)).ToList();
    }

    private static ParameterSetType ParameterSet(EnergyTransferService service, ControlMode mode, SeccOptions options, EvseSnapshot evse)
    {
        var parameters = new List<ParameterType>
        {
            Int("Connector", service.IsDc() ? options.DcConnector : options.AcConnector),
            Int("ControlMode", (int)mode),
        };
        if (!service.IsDc())
        {
            parameters.Add(Int("EVSENominalVoltage", (int)Math.Round(evse.AcLimits.NominalVoltage)));
        }

        parameters.Add(Int("MobilityNeedsMode", 1));
        parameters.Add(Int("Pricing", 0));
        if (service.IsBidirectional())
        {
            parameters.Add(Int("BPTChannel", 1));
            parameters.Add(Int("GeneratorMode", 1));
            if (!service.IsDc())
            {
                parameters.Add(Int("GridCodeIslandingDetectionMethod", 1));
            }
        }

        return new ParameterSetType { ParameterSetID = ParameterSetId(mode), Parameter = parameters };
    }

    private static ParameterType Int(string name, int value) => new() { Name = name, intValue = value };
}
