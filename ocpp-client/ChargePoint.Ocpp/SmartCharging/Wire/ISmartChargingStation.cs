namespace ChargePoint.Ocpp.SmartCharging.Wire;

/// <summary>The station as the smart-charging handlers see it at the moment a CSMS request arrives.</summary>
public interface ISmartChargingStation
{
    /// <summary>SmartChargingCtrlr / V2XChargingCtrlr values, the EVSEs and their running transactions, now.</summary>
    ProfileValidationContext Current();

    /// <summary>The grid connection: the ceiling of the station-wide (evseId 0) composite schedule.</summary>
    EvseCapabilities Connection { get; }
}
