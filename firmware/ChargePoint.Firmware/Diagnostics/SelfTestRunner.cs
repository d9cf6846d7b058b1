using ChargePoint.Firmware.Contracts.Diagnostics;
using ChargePoint.Firmware.Evse;
using ChargePoint.Hal;
using ChargePoint.Hal.Abstractions;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Firmware.Diagnostics;

/// <summary>The EVSE is in use or plugged; a self-test would disturb a vehicle.</summary>
public sealed class SelfTestRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// <c>cpdiag selftest</c>: with the EVSE idle and nothing plugged, holds the pilot in state F (so a vehicle that
/// plugs in meanwhile cannot start a session), cycles the contactors and checks their feedback both ways, checks
/// pilot generation and measurement (+12 V at rest, ±12 V with 5 % PWM, −12 V in F), reads the meter and asks the
/// power module for its status. The pilot is back at +12 V (state A) afterwards, the contactors open.
/// </summary>
public sealed partial class SelfTestRunner(EvseHostedService evse, TimeProvider time, ILogger<SelfTestRunner> logger)
{
    private const double PlateauToleranceVolts = 1.0;

    /// <summary>5 %: the high-level communication duty, harmless to any vehicle (IEC 61851-1 A.2.3).</summary>
    private const double DutyCyclePercent = 5;
    private static readonly TimeSpan FeedbackWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PilotSettle = TimeSpan.FromMilliseconds(150);

    /// <summary>Long enough for the peak detectors to charge at 1 kHz, short enough not to meet a pilot sample.</summary>
    private static readonly TimeSpan PwmSettle = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan ModuleStatusMaxAge = TimeSpan.FromSeconds(5);
    private int _running;

    public async Task<SelfTestReport> RunAsync(CancellationToken cancellationToken)
    {
        if (!evse.Manager.IsCompletedSuccessfully || evse.Control is not { } control)
        {
            throw new SelfTestRefusedException(DiagnosticsErrors.NotReady, "EVSE 1 is still starting; try again in a few seconds.");
        }

        var manager = evse.Manager.Result;
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new SelfTestRefusedException(DiagnosticsErrors.Busy, "a self-test is already running on EVSE 1.");
        }

        try
        {
            if (manager.State != EvseState.Idle || control.Pilot.State != CpState.A || control.PowerPath.State != Hal.Safety.PowerPathState.Open)
            {
                throw new SelfTestRefusedException(DiagnosticsErrors.Busy, $"EVSE {manager.EvseId} is busy (state {manager.State}, pilot {control.Pilot.State}); the self-test needs it idle and unplugged.");
            }

            LogStarted(logger, manager.EvseId);
            var checks = new List<SelfTestCheck>();
            control.Pilot.SetUnavailable();
            try
            {
                await Task.Delay(PilotSettle, time, cancellationToken).ConfigureAwait(false);
                await CycleContactorsAsync(control, checks, cancellationToken).ConfigureAwait(false);
                checks.Add(Plateaus("pilot state F (-12 V)", control.Hardware.ControlPilot.ReadMeasurement(), -12, -12));
            }
            finally
            {
                control.PowerPath.Open("self-test done");
                control.Pilot.StopPwm();
            }

            await Task.Delay(PilotSettle, time, cancellationToken).ConfigureAwait(false);
            checks.Add(Plateaus("pilot measurement state A (+12 V)", control.Hardware.ControlPilot.ReadMeasurement(), 12, 12));
            checks.Add(await PwmAsync(control.Hardware.ControlPilot, cancellationToken).ConfigureAwait(false));
            checks.Add(await MeterAsync(control.Hardware.EnergyMeter, cancellationToken).ConfigureAwait(false));
            checks.Add(PowerModule(control.Hardware.PowerModule));
            var report = new SelfTestReport(time.GetUtcNow(), manager.EvseId, checks.TrueForAll(c => c.Passed), checks);
            LogFinished(logger, manager.EvseId, report.Passed);
            return report;
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>The pilot controller offers PWM only to a connected vehicle, so the generator is driven directly for
    /// one measurement (5 % with nothing connected still reads as state A) and put back to +12 V right after.</summary>
    private async Task<SelfTestCheck> PwmAsync(IControlPilot generator, CancellationToken cancellationToken)
    {
        var before = generator.Output;
        generator.SetOutput(PilotOutput.Pwm(DutyCyclePercent));
        try
        {
            await Task.Delay(PwmSettle, time, cancellationToken).ConfigureAwait(false);
            return Plateaus("pilot PWM generation (+12/-12 V)", generator.ReadMeasurement(), 12, -12);
        }
        finally
        {
            generator.SetOutput(before);
        }
    }

    private async Task CycleContactorsAsync(StationControl control, List<SelfTestCheck> checks, CancellationToken cancellationToken)
    {
        var contactors = control.PowerPath.Contactors;
        if (!control.PowerPath.TryClose())
        {
            checks.AddRange(contactors.Select(c => new SelfTestCheck($"contactor {c.Name}", false, "cannot close: the power path is locked out by a safety fault.")));
            return;
        }

        var closed = await WaitFeedbackAsync(contactors, expectClosed: true, cancellationToken).ConfigureAwait(false);
        control.PowerPath.Open("self-test contactor cycle");
        var opened = await WaitFeedbackAsync(contactors, expectClosed: false, cancellationToken).ConfigureAwait(false);
        foreach (var contactor in contactors)
        {
            var closedOk = closed.Contains(contactor);
            var openedOk = opened.Contains(contactor);
            var detail = (closedOk, openedOk) switch
            {
                (true, true) => "closed and opened; feedback followed both commands.",
                (false, _) => $"no closed feedback within {FeedbackWait.TotalMilliseconds:0} ms (coil, wiring or auxiliary contact).",
                (true, false) => $"feedback still closed {FeedbackWait.TotalMilliseconds:0} ms after the open command (welded?).",
            };
            checks.Add(new SelfTestCheck($"contactor {contactor.Name}", closedOk && openedOk, detail));
        }
    }

    /// <summary>The contactors whose feedback reached the expected position within <see cref="FeedbackWait"/>.</summary>
    private async Task<HashSet<IContactor>> WaitFeedbackAsync(IReadOnlyList<IContactor> contactors, bool expectClosed, CancellationToken cancellationToken)
    {
        var deadline = time.GetTimestamp() + (long)(FeedbackWait.TotalSeconds * time.TimestampFrequency);
        while (true)
        {
            var reached = contactors.Where(c => c.IsFeedbackClosed == expectClosed).ToHashSet();
            if (reached.Count == contactors.Count || time.GetTimestamp() >= deadline)
            {
                return reached;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static SelfTestCheck Plateaus(string name, PilotMeasurement measured, double high, double low)
    {
        var ok = Math.Abs(measured.HighPlateauVolts - high) <= PlateauToleranceVolts && Math.Abs(measured.LowPlateauVolts - low) <= PlateauToleranceVolts;
        return new SelfTestCheck(name, ok, $"measured high {measured.HighPlateauVolts:0.00} V, low {measured.LowPlateauVolts:0.00} V (expected {high:0} / {low:0} V ± {PlateauToleranceVolts:0.0} V).");
    }

    private static async Task<SelfTestCheck> MeterAsync(IEnergyMeter meter, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            var result = await meter.ReadAsync(timeout.Token).ConfigureAwait(false);
            return result.Reading is { } r
                ? new SelfTestCheck("meter read", true, $"meter {meter.MeterId}: {r.VoltageVolts:0.0} V, import {r.ImportedEnergyWattHours:0.0} Wh, export {r.ExportedEnergyWattHours:0.0} Wh.")
                : new SelfTestCheck("meter read", false, $"meter {meter.MeterId}: {result.Error?.Kind} {result.Error?.Detail}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SelfTestCheck("meter read", false, $"meter {meter.MeterId} did not answer within 3 s.");
        }
    }

    private SelfTestCheck PowerModule(IBidirectionalPowerModule module)
    {
        var status = module.ReadStatus();
        var age = time.GetUtcNow() - status.UpdatedAt;
        if (age > ModuleStatusMaxAge)
        {
            return new SelfTestCheck("power module ping", false, $"no status from the power module for {age.TotalSeconds:0.0} s (bus or module down).");
        }

        return status.HasFault
            ? new SelfTestCheck("power module ping", false, $"the module answers but reports faults: {status.Faults}.")
            : new SelfTestCheck("power module ping", true, $"answering, mode {status.Mode}, {status.OutputVoltageVolts:0.0} V, status {age.TotalMilliseconds:0} ms old.");
    }

    [LoggerMessage(EventId = LogAreas.Diagnostics + 30, Level = LogLevel.Warning, Message = "Self-test started on EVSE {EvseId} (pilot held in state F, contactors will cycle)")]
    private static partial void LogStarted(ILogger logger, int evseId);

    [LoggerMessage(EventId = LogAreas.Diagnostics + 31, Level = LogLevel.Information, Message = "Self-test on EVSE {EvseId} finished: passed {Passed}")]
    private static partial void LogFinished(ILogger logger, int evseId, bool passed);
}
