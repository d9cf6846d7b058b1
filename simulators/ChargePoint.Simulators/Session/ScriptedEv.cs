using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Hal.Simulated;

namespace ChargePoint.Simulators.Session;

/// <summary>
/// A bidirectional EV at the session level: it negotiates its scenario, waits for authorization, sends its
/// limits, closes S2, asks for power, charges, discharges when the CSMS asks for it, and stops. It acts on
/// the simulated vehicle (pilot S2, battery) and notices an unplug as the loss of the link. The discharge request
/// reaches the station from the CSMS over OCPP (SetChargingProfile); the EV follows the targets it is given.
/// </summary>
public sealed class ScriptedEv(EvScenario scenario, SimulatedStationHardware hardware, TimeProvider time, TimeSpan chargeTime, TimeSpan dischargeTime)
    : IHlcSessionSource
{
    /// <summary>-20 allows the EV up to a few hundred ms per charge loop; 250 ms keeps the loop lively.</summary>
    public static readonly TimeSpan LoopPeriod = TimeSpan.FromMilliseconds(250);

    public static readonly EvLimits Limits = new(
        MaxChargePowerWatts: 80_000, MaxDischargePowerWatts: 20_000, MaxChargeCurrentAmperes: 200,
        MaxDischargeCurrentAmperes: 60, MinVoltageVolts: 320, MaxVoltageVolts: 410);

    /// <summary>The last EVSE answer the EV received (what it "sees" of the discharge target).</summary>
    public EvseTargets? LastTargets { get; private set; }

    public async Task<HlcSessionOutcome> RunSessionAsync(IHlcEvseBridge bridge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        var ev = hardware.Ev;
        bridge.SessionStarted(scenario.Session);
        bool? authorized;
        while ((authorized = await bridge.AuthorizeAsync(cancellationToken).ConfigureAwait(false)) is null)
        {
            await Task.Delay(LoopPeriod, time, cancellationToken).ConfigureAwait(false);
        }

        if (authorized == false)
        {
            return new HlcSessionOutcome(HlcSessionEnd.SetupFailed, "authorization rejected");
        }

        LastTargets = bridge.ChargeParameters(Limits);
        ev.CloseS2();
        if (!await bridge.StartEnergyTransferAsync(cancellationToken).ConfigureAwait(false))
        {
            ev.OpenS2();
            return new HlcSessionOutcome(HlcSessionEnd.StoppedByEvse, "EVSE refused PowerDelivery Start");
        }

        var end = await ChargeLoopAsync(bridge, cancellationToken).ConfigureAwait(false);
        if (end is not null)
        {
            return end;
        }

        await bridge.StopEnergyTransferAsync(cancellationToken).ConfigureAwait(false);
        ev.OpenS2();
        return LastTargets?.StopRequested == true
            ? new HlcSessionOutcome(HlcSessionEnd.StoppedByEvse, "EVSE requested stop")
            : new HlcSessionOutcome(HlcSessionEnd.Completed, "EV finished");
    }

    /// <summary>Loops until the script's time is up or the EVSE asks to stop; returns an outcome when the link is gone.</summary>
    private async Task<HlcSessionOutcome?> ChargeLoopAsync(IHlcEvseBridge bridge, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            if (!hardware.Ev.IsPluggedIn)
            {
                return new HlcSessionOutcome(HlcSessionEnd.LinkLost, "EV unplugged during the session");
            }

            var battery = hardware.Ev.Battery;
            LastTargets = bridge.ChargeLoop(new EvStatus(battery.StateOfChargePercent, null, battery.TerminalVoltageVolts(hardware.PowerModule.ActualCurrentAmperes)));
            if (LastTargets.StopRequested)
            {
                return null;
            }

            var elapsed = time.GetElapsedTime(started);
            if (elapsed >= chargeTime + dischargeTime)
            {
                return null;
            }

            await Task.Delay(LoopPeriod, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
