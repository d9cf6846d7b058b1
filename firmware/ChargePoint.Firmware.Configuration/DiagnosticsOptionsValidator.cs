using System.Text;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Configuration;

/// <summary>Checks section <c>Diagnostics</c> (the socket directory itself is checked when the endpoint binds).</summary>
public sealed class DiagnosticsOptionsValidator : IValidateOptions<DiagnosticsOptions>
{
    /// <summary>sun_path holds 108 bytes including the terminating NUL (unix(7)).</summary>
    private const int MaxSocketPathBytes = 107;

    public ValidateOptionsResult Validate(string? name, DiagnosticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Socket) || !Path.IsPathRooted(options.Socket))
        {
            problems.Add($"Diagnostics:Socket '{options.Socket}' must be an absolute path, e.g. /run/chargepoint/diag.sock.");
        }
        else if (Encoding.UTF8.GetByteCount(options.Socket) > MaxSocketPathBytes)
        {
            problems.Add($"Diagnostics:Socket is longer than {MaxSocketPathBytes} bytes (the Unix socket path limit); use a shorter path.");
        }

        if (options.Group.Length > 0 && !options.Group.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            problems.Add($"Diagnostics:Group '{options.Group}' is not a valid group name.");
        }

        if (options.KeepSessions is < 1 or > 10_000)
        {
            problems.Add($"Diagnostics:KeepSessions is {options.KeepSessions}; use 1 to 10000.");
        }

        if (options.TraceMessagesPerSession is < 10 or > 1_000_000)
        {
            problems.Add($"Diagnostics:TraceMessagesPerSession is {options.TraceMessagesPerSession}; use 10 to 1000000.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
