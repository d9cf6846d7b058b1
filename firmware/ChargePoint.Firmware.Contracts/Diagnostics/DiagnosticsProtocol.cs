namespace ChargePoint.Firmware.Contracts.Diagnostics;

/// <summary>
/// The diagnostics wire protocol (version 1) spoken over the firmware's Unix domain socket: the client writes one
/// JSON <see cref="DiagnosticsRequest"/> per line (UTF-8, '\n'), the firmware answers each with one JSON
/// <see cref="DiagnosticsResponse"/> line; <c>live</c> answers with a response line per sample until the client
/// closes the connection. A request the firmware cannot read gets a response with an error, never a dropped link.
/// </summary>
public static class DiagnosticsProtocol
{
    public const int Version = 1;

    /// <summary>Longest request line accepted; a longer one is answered with <see cref="DiagnosticsErrors.BadRequest"/>.</summary>
    public const int MaxRequestBytes = 4096;
}

/// <summary>The commands of protocol version 1.</summary>
public static class DiagnosticsCommands
{
    public const string Status = "status";
    public const string Live = "live";
    public const string Sessions = "sessions";
    public const string Trace = "trace";
    public const string SelfTest = "selftest";

    /// <summary>Per-transaction settlement records (imported, exported, net Wh); <c>transactionId</c> selects one.</summary>
    public const string Settlement = "settlement";

    /// <summary>The site energy manager's limit: <c>chargeLimitWatts</c> (and <c>dischargeLimitWatts</c>) for
    /// <c>evseId</c> (0 = grid connection), or <c>clear</c>.</summary>
    public const string Limit = "limit";

    /// <summary>Priority charging switched locally for the transaction on <c>evseId</c>: <c>activate</c> true or false.</summary>
    public const string Priority = "priority";

    /// <summary>Every command, for error messages.</summary>
    public const string All = "status, live, sessions, trace, selftest, settlement, limit, priority";
}

/// <summary>Error codes a response can carry (stable: scripts and <c>cpdiag</c> exit codes depend on them).</summary>
public static class DiagnosticsErrors
{
    /// <summary>The line is not JSON, too long, or misses a field.</summary>
    public const string BadRequest = "bad-request";

    public const string UnknownCommand = "unknown-command";

    public const string UnsupportedVersion = "unsupported-version";

    /// <summary>The EVSE is in use (or plugged) and the command needs it idle.</summary>
    public const string Busy = "busy";

    /// <summary>The asked-for item (e.g. a trace session) does not exist.</summary>
    public const string NotFound = "not-found";

    /// <summary>The station is not ready to answer yet (hardware still starting).</summary>
    public const string NotReady = "not-ready";

    public const string Internal = "internal";
}
