namespace ChargePoint.Hal.Abstractions;

/// <summary>The proximity contact of an IEC 62196-2 Type 2 connector: the resistance between PP and PE codes
/// the cable's ampacity. Returns <see cref="double.PositiveInfinity"/> when no cable is present.</summary>
public interface IProximityPilot
{
    double ReadResistanceOhms();
}
