using ChargePoint.Firmware.Contracts.Diagnostics;

namespace ChargePoint.Firmware.Configuration;

/// <summary>Section <c>Diagnostics</c>: the local endpoint <c>cpdiag</c> talks to (a Unix domain socket, never TCP).</summary>
public sealed class DiagnosticsOptions
{
    public const string SectionName = "Diagnostics";

    /// <summary>Socket path; its directory must exist and be writable (systemd RuntimeDirectory=chargepoint).</summary>
    public string Socket { get; set; } = DiagnosticsDefaults.SocketPath;

    /// <summary>Group that owns the socket (mode 0660), so technicians in it may run <c>cpdiag</c>; empty keeps the process's group.</summary>
    public string Group { get; set; } = DiagnosticsDefaults.Group;

    /// <summary>Finished sessions kept in the history and as traces on disk.</summary>
    public int KeepSessions { get; set; } = 50;

    /// <summary>Messages kept per session trace (oldest dropped first), bounding memory and disk.</summary>
    public int TraceMessagesPerSession { get; set; } = 4000;
}
