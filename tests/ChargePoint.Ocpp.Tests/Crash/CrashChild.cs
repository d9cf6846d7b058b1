using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Station;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Ocpp.Tests.Crash;

/// <summary>
/// The process the crash test kills: this test assembly started with <c>dotnet exec</c> and
/// <see cref="EnvironmentVariable"/> set. It runs the real station runtime (durable queue on the given storage path)
/// against the strict peer and drives transactions back to back until it is killed.
/// </summary>
public static class CrashChild
{
    public const string EnvironmentVariable = "CHARGEPOINT_OCPP_CRASH_CHILD";

    /// <summary>Printed once the CSMS accepted the boot; the parent starts its kill timer then.</summary>
    public const string ReadyLine = "crash-child-ready";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (url, stationId, storage, password) = (new Uri(args[0]), args[1], args[2], args[3]);
        var options = Peer.PeerFixture.TestOptions(url, stationId, password);
        await using var runtime = new OcppStationRuntime(options, storage, StationLayout.BidirectionalDc(), TimeProvider.System, NullLoggerFactory.Instance);
        using var stop = new CancellationTokenSource();
        var run = runtime.RunAsync(stop.Token);
        while (runtime.Station.Registration != RegistrationStatusEnumType.Accepted)
        {
            await Task.Delay(10);
        }

        Console.WriteLine(ReadyLine);
        var port = runtime.Station.Transactions;
        var ct = CancellationToken.None;
        while (true)
        {
            port.MeterSample(1, Reading(0));
            await port.EvConnectedAsync(1, 1, ct);
            for (var i = 0; i < 4; i++)
            {
                port.MeterSample(1, Reading(i % 2 == 0 ? 7000 : -5000));
                await port.EnergyTransferStartedAsync(1, i % 2 == 0 ? OperationModeEnumType.ChargingOnly : OperationModeEnumType.CentralSetpoint, ct);
                await Task.Delay(15);
            }

            await port.EnergyTransferSuspendedAsync(1, ChargingStateEnumType.SuspendedEV, ct);
            await port.EvDisconnectedAsync(1, ct);
            await Task.Delay(10);
        }
    }

    /// <summary>Registers that keep rising across processes (derived from the wall clock).</summary>
    private static MeterReading Reading(double powerW)
    {
        var now = DateTimeOffset.UtcNow;
        var seconds = (now - new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalSeconds;
        return new MeterReading(now, Math.Round(seconds * 2, 3), Math.Round(seconds, 3), powerW);
    }
}
