namespace ChargePoint.Firmware.Tests.Cli;

/// <summary>One idle simulated station (no EV plugged) connected to a real WebSocket CSMS, shared by a test class.</summary>
public sealed class IdleStationFixture : IAsyncLifetime
{
    private TestCsms? _csms;
    private DiagnosticsStation? _station;

    internal DiagnosticsStation Station => _station!;

    internal TestCsms Csms => _csms!;

    public async Task InitializeAsync()
    {
        _csms = new TestCsms();
        _station = await DiagnosticsStation.StartAsync(
            null,
            "--Simulation:Ev=none",
            $"--Ocpp:CsmsUrl={_csms.Url}",
            "--Ocpp:SecurityProfile=1",
            "--Ocpp:StationId=CP-DIAG",
            "--Ocpp:BasicAuthPassword=diagnostics-test-pw");
    }

    public async Task DisposeAsync()
    {
        await _station!.DisposeAsync();
        await _csms!.DisposeAsync();
    }
}
