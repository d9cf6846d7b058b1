namespace ChargePoint.Firmware.Contracts.Diagnostics;

/// <summary>One response line: <see cref="Error"/> is set on failure, otherwise the field named by the command.</summary>
public sealed record DiagnosticsResponse
{
    public int Version { get; init; } = DiagnosticsProtocol.Version;

    public string? Command { get; init; }

    public DiagnosticsError? Error { get; init; }

    public StationStatus? Status { get; init; }

    public LiveSample? Live { get; init; }

    public IReadOnlyList<SessionSummary>? Sessions { get; init; }

    public SessionTrace? Trace { get; init; }

    public SelfTestReport? SelfTest { get; init; }

    public IReadOnlyList<SettlementSummary>? Settlement { get; init; }

    public ControlAnswer? Limit { get; init; }

    public ControlAnswer? Priority { get; init; }

    public static DiagnosticsResponse Failure(string? command, string code, string message) =>
        new() { Command = command, Error = new DiagnosticsError(code, message) };
}

/// <summary>A failed request: a stable <see cref="Code"/> (<see cref="DiagnosticsErrors"/>) and a readable message.</summary>
public sealed record DiagnosticsError(string Code, string Message);
