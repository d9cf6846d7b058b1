namespace ChargePoint.Firmware.Tests.Integration;

/// <summary>The classes that run a whole simulated station against the strict CSMS: one after another, so their
/// real-time sessions do not compete for the shared cores.</summary>
internal static class StrictCsmsCollection
{
    public const string Name = "Simulated station against the strict CSMS";
}
