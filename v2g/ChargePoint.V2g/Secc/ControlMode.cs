namespace ChargePoint.V2g.Secc;

/// <summary>ServiceDetail parameter <c>ControlMode</c> (wire values 1 and 2).</summary>
public enum ControlMode
{
    Scheduled = 1,
    Dynamic = 2,
}
