using System.Text.Json;
using ChargePoint.Firmware.Configuration;
using ChargePoint.Firmware.Contracts.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Diagnostics;

/// <summary>
/// The finished sessions for <c>cpdiag sessions</c>, kept in Storage:Path/diagnostics/sessions.jsonl (one JSON
/// object per line, appended and flushed when a session ends) so they survive restarts. The file is compacted to
/// the newest Diagnostics:KeepSessions entries once it holds twice as many.
/// </summary>
public sealed partial class SessionHistory
{
    private readonly Lock _gate = new();
    private readonly List<SessionSummary> _sessions = [];
    private readonly string _file;
    private readonly int _keep;
    private readonly ILogger _logger;
    private int _lines;

    public SessionHistory(IOptions<DiagnosticsOptions> options, IOptions<StorageOptions> storage, ILogger<SessionHistory> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        _keep = options.Value.KeepSessions;
        _file = Path.Combine(storage.Value.Path, "diagnostics", "sessions.jsonl");
        _logger = logger;
        Load();
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<SessionSummary> Recent()
    {
        lock (_gate)
        {
            return [.. Enumerable.Reverse(_sessions)];
        }
    }

    public void Add(SessionSummary session)
    {
        lock (_gate)
        {
            _sessions.Add(session);
            if (_sessions.Count > _keep)
            {
                _sessions.RemoveRange(0, _sessions.Count - _keep);
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
                if (++_lines > 2 * _keep)
                {
                    Rewrite();
                }
                else
                {
                    using var stream = new FileStream(_file, FileMode.Append, FileAccess.Write, FileShare.Read);
                    using var writer = new StreamWriter(stream);
                    writer.WriteLine(JsonSerializer.Serialize(session, DiagnosticsJsonContext.Default.SessionSummary));
                    writer.Flush();
                    stream.Flush(flushToDisk: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogStoreFailed(_logger, ex.Message);
            }
        }
    }

    private void Rewrite()
    {
        var temp = _file + ".tmp";
        File.WriteAllLines(temp, _sessions.Select(s => JsonSerializer.Serialize(s, DiagnosticsJsonContext.Default.SessionSummary)));
        File.Move(temp, _file, overwrite: true);
        _lines = _sessions.Count;
    }

    private void Load()
    {
        if (!File.Exists(_file))
        {
            return;
        }

        foreach (var line in File.ReadLines(_file))
        {
            _lines++;
            try
            {
                if (JsonSerializer.Deserialize(line, DiagnosticsJsonContext.Default.SessionSummary) is { } session)
                {
                    _sessions.Add(session);
                }
            }
            catch (JsonException)
            {
                // The last line may have been cut by a power loss; the others are intact.
            }
        }

        if (_sessions.Count > _keep)
        {
            _sessions.RemoveRange(0, _sessions.Count - _keep);
        }
    }

    [LoggerMessage(EventId = LogAreas.Diagnostics + 21, Level = LogLevel.Warning, Message = "Could not store the session history: {Reason}")]
    private static partial void LogStoreFailed(ILogger logger, string reason);
}
