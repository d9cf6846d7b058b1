namespace ChargePoint.V2g.Secc;

/// <summary>ISO 15118-20 energy transfer ServiceIDs we offer (values are the wire ServiceID).</summary>
public enum EnergyTransferService : ushort
{
    Ac = 1,
    Dc = 2,
    AcBpt = 5,
    DcBpt = 6,
}

public static class EnergyTransferServices
{
    public static bool IsBidirectional(this EnergyTransferService service) =>
        service is EnergyTransferService.AcBpt or EnergyTransferService.DcBpt;

    public static bool IsDc(this EnergyTransferService service) =>
        service is EnergyTransferService.Dc or EnergyTransferService.DcBpt;
}
