using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Tests.Drivers;

/// <summary>Waits for a power module that really answers.</summary>
internal static class PowerModuleWait
{
    /// <summary>
    /// True once the module reports no fault in a status newer than this call. The BIC-2200 driver counts its own
    /// start as the last answer (the grace before CommunicationLost), so "no fault" alone holds before any byte has
    /// gone through.
    /// </summary>
    public static bool ForAnswer(IBidirectionalPowerModule module, TimeSpan timeout)
    {
        var since = module.ReadStatus().UpdatedAt;
        return SpinWait.SpinUntil(() => module.ReadStatus() is { Faults: PowerModuleFaults.None } status && status.UpdatedAt > since, timeout);
    }
}
