using System.Globalization;
using ChargePoint.Firmware.Evse;

namespace ChargePoint.Firmware.Simulation;

/// <summary>The per-session line of <c>--Simulation:Sessions=N</c> (issue 9's exact format).</summary>
public static class SessionSummaryLine
{
    public static string Format(int number, string scenario, SessionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"session {number}: {scenario} {(record.Succeeded ? "ok" : "failed")}, imported {record.ImportedWattHours:0.0} Wh, exported {record.ExportedWattHours:0.0} Wh, {record.Duration.TotalSeconds:0.0} s");
    }
}
