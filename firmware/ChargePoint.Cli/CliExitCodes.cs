namespace ChargePoint.Cli;

/// <summary><c>cpdiag</c> exit codes (documented in README.md; scripts rely on them).</summary>
public static class CliExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran but its verdict is negative: a self-test check failed, a configuration is invalid.</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad arguments or unreadable input.</summary>
    public const int InvalidInput = 2;

    /// <summary>The firmware is not running: no socket at the path, or nobody listening on it.</summary>
    public const int FirmwareNotRunning = 3;

    /// <summary>The socket exists but this user may not connect (not in the socket's group).</summary>
    public const int PermissionDenied = 4;

    /// <summary>The EVSE is busy (in a session, plugged, or still starting) for a command that needs it idle.</summary>
    public const int EvseBusy = 5;

    /// <summary>The firmware answered with an error (unknown session, unsupported protocol version, ...) or broke the protocol.</summary>
    public const int FirmwareError = 6;
}

/// <summary>A failure that ends the command with one readable line and an exit code.</summary>
public sealed class CliFailureException : Exception
{
    public CliFailureException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliFailureException()
        : this(CliExitCodes.FirmwareError, "failed")
    {
    }

    public CliFailureException(string message)
        : this(CliExitCodes.FirmwareError, message)
    {
    }

    public CliFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = CliExitCodes.FirmwareError;
    }

    public int ExitCode { get; }
}
