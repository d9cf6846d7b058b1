using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Firmware.Evse;
using ChargePoint.Firmware.Ocpp;
using ChargePoint.Firmware.Safety;
using ChargePoint.Firmware.Simulation;

namespace ChargePoint.Firmware.Tests.Simulation;

public sealed class SessionSummaryLineTests
{
    [Fact]
    public void The_summary_line_has_the_documented_format()
    {
        var record = new SessionRecord(1, "tx", new HlcSessionOutcome(HlcSessionEnd.Completed, "done"), null, TransactionStopReason.StoppedByEV, 1234.56, 78.9, TimeSpan.FromSeconds(12.34));

        Assert.Equal("session 3: dc-bpt-dynamic ok, imported 1234.6 Wh, exported 78.9 Wh, 12.3 s", SessionSummaryLine.Format(3, "dc-bpt-dynamic", record));
    }

    [Fact]
    public void A_fault_makes_the_session_failed_even_when_the_ev_completed()
    {
        var fault = new StationFault(StationFaultKind.WeldedContactor, "DC+ stays closed", DateTimeOffset.UnixEpoch);
        var record = new SessionRecord(1, "tx", new HlcSessionOutcome(HlcSessionEnd.Completed, "done"), fault, TransactionStopReason.Other, 1, 0, TimeSpan.FromSeconds(1));

        Assert.Contains(" failed,", SessionSummaryLine.Format(1, "dc-bpt-dynamic", record), StringComparison.Ordinal);
    }
}
