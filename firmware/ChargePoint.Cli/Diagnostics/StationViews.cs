using System.Globalization;
using ChargePoint.Firmware.Contracts.Diagnostics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ChargePoint.Cli.Diagnostics;

/// <summary>Human views of the diagnostics answers (the <c>--json</c> forms print the answers themselves).</summary>
internal static class StationViews
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IRenderable Status(StationStatus status)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[bold]Firmware[/]", Markup.Escape(status.FirmwareVersion));
        grid.AddRow("[bold]OCPP[/]", Markup.Escape($"{status.Ocpp.State}{(status.Ocpp.CsmsUrl is { } url ? " to " + url : "")}, security profile {status.Ocpp.SecurityProfile}{(status.Ocpp.SubProtocol is { } p ? ", " + p : "")}"));
        var table = new Table().Title("EVSEs").AddColumns("EVSE", "State", "Pilot", "SLAC", "V2G", "Transaction", "Limits (charge/discharge)", "Setpoint", "Faults");
        foreach (var evse in status.Evses)
        {
            var l = evse.Limits;
            table.AddRow(
                evse.EvseId.ToString(Invariant),
                Markup.Escape($"{evse.State} ({evse.ConnectorStatus})"),
                Markup.Escape(evse.PilotState),
                Markup.Escape(evse.SlacState),
                Markup.Escape(evse.V2gProtocol is { } protocol ? $"{evse.V2gState}, {protocol} {evse.EnergyService} {evse.ControlMode}" : evse.V2gState),
                Markup.Escape(evse.TransactionId ?? "-"),
                Markup.Escape($"{Kw(l.ChargeLimitWatts)} ({l.ChargeLimitedBy}) / {Kw(l.DischargeLimitWatts)} ({l.DischargeLimitedBy})"),
                Markup.Escape(Kw(l.SetpointWatts)),
                evse.Faults.Count == 0 ? "[green]none[/]" : "[red]" + Markup.Escape(string.Join("; ", evse.Faults.Select(f => $"{f.Kind}: {f.Detail}"))) + "[/]");
        }

        return new Rows(grid, status.Evses.Count == 0 ? new Markup("[yellow]no EVSE is running[/]") : table);
    }

    public static Table Live(IReadOnlyDictionary<int, LiveSample> samples)
    {
        var table = new Table().AddColumns("EVSE", "State", "Power", "Current", "Voltage", "SoC", "Imported", "Exported", "Setpoint", "Limits (charge/discharge)");
        foreach (var s in samples.Values.OrderBy(s => s.EvseId))
        {
            table.AddRow(
                s.EvseId.ToString(Invariant),
                Markup.Escape(s.State),
                Kw(s.PowerWatts),
                F(s.CurrentAmperes, "0.0") + " A",
                F(s.VoltageVolts, "0.0") + " V",
                s.SocPercent is { } soc ? F(soc, "0.0") + " %" : "-",
                Kwh(s.ImportedWattHours),
                Kwh(s.ExportedWattHours),
                Kw(s.SetpointWatts),
                $"{Kw(s.ChargeLimitWatts)} / {Kw(s.DischargeLimitWatts)}");
        }

        return table;
    }

    public static IRenderable Sessions(IReadOnlyList<SessionSummary> sessions)
    {
        if (sessions.Count == 0)
        {
            return new Markup("no sessions recorded yet");
        }

        var table = new Table().AddColumns("Session", "EVSE", "Transaction", "Start (UTC)", "Stop (UTC)", "Imported", "Exported", "Net", "Stop reason", "Outcome");
        foreach (var s in sessions)
        {
            table.AddRow(
                Markup.Escape(s.SessionId),
                s.EvseId.ToString(Invariant),
                Markup.Escape(s.TransactionId ?? "-"),
                s.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Invariant),
                s.StoppedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Invariant),
                Kwh(s.ImportedWattHours),
                Kwh(s.ExportedWattHours),
                Kwh(s.NetWattHours),
                Markup.Escape(s.StopReason),
                Markup.Escape(s.Fault is null ? s.Outcome : $"{s.Outcome} ({s.Fault})"));
        }

        return table;
    }

    public static IRenderable Settlement(IReadOnlyList<SettlementSummary> records)
    {
        if (records.Count == 0)
        {
            return new Markup("no settlement records yet");
        }

        var table = new Table().AddColumns("Transaction", "EVSE", "Start (UTC)", "End (UTC)", "Imported", "Exported", "Net", "Stop reason");
        foreach (var r in records)
        {
            table.AddRow(
                Markup.Escape(r.TransactionId),
                r.EvseId.ToString(Invariant),
                r.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Invariant),
                r.EndedAt is { } ended ? ended.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Invariant) : "running",
                Kwh(r.ImportedWattHours),
                Kwh(r.ExportedWattHours),
                Kwh(r.NetWattHours),
                Markup.Escape(r.StopReason ?? "-"));
        }

        return table;
    }

    public static IRenderable SelfTest(SelfTestReport report)
    {
        var table = new Table().Title($"Self-test EVSE {report.EvseId}: {(report.Passed ? "[green]PASS[/]" : "[red]FAIL[/]")}").AddColumns("Check", "Result", "Detail");
        foreach (var check in report.Checks)
        {
            table.AddRow(Markup.Escape(check.Name), check.Passed ? "[green]pass[/]" : "[red]FAIL[/]", Markup.Escape(check.Detail));
        }

        return table;
    }

    /// <summary>Plain text (no markup) so long XML and JSON bodies copy cleanly.</summary>
    public static void Trace(TextWriter output, SessionTrace trace)
    {
        output.WriteLine($"trace of session {trace.SessionId}: {trace.Messages.Count} messages");
        foreach (var m in trace.Messages)
        {
            var kind = m.PayloadType is { } type ? $"{m.Protocol} 0x{type:x4}" : m.Protocol;
            output.WriteLine($"{m.Timestamp.UtcDateTime.ToString("HH:mm:ss.fff", Invariant)} {m.Direction} {kind} [{m.Connection}] {m.Raw.Length} B");
            foreach (var line in m.Text.Split('\n'))
            {
                output.WriteLine("    " + line.TrimEnd('\r'));
            }
        }
    }

    private static string Kw(double watts) => F(watts / 1000, "0.00") + " kW";

    private static string Kwh(double wattHours) => F(wattHours / 1000, "0.000") + " kWh";

    private static string F(double value, string format) => value.ToString(format, Invariant);
}
