using ChargePoint.V2g.Exi.Iso20;

namespace ChargePoint.V2g.Secc;

/// <summary>MeterInfo from the firmware's latest meter reading (sent when the EV sets MeterInfoRequested).</summary>
public static class MeterInfoBuilder
{
    public static MeterInfoType For(EvseSnapshot evse)
    {
        ArgumentNullException.ThrowIfNull(evse);
        return new MeterInfoType
        {
            MeterID = evse.MeterId,
            ChargedEnergyReadingWh = evse.ChargedEnergyWh,
            BPT_DischargedEnergyReadingWh = evse.DischargedEnergyWh,
        };
    }
}
