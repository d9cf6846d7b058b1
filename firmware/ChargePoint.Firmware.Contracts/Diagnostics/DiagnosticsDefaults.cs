namespace ChargePoint.Firmware.Contracts.Diagnostics;

/// <summary>Facts both the firmware's diagnostics endpoint and <c>cpdiag</c> must agree on.</summary>
public static class DiagnosticsDefaults
{
    /// <summary>Default Unix domain socket path (setting <c>Diagnostics:Socket</c>; <c>cpdiag --socket</c> overrides).</summary>
    public const string SocketPath = "/run/chargepoint/diag.sock";

    /// <summary>Default group given access to the socket (setting <c>Diagnostics:Group</c>; the file mode is 0660).</summary>
    public const string Group = "chargepoint";
}
