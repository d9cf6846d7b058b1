using System.Text.Json;
using ChargePoint.Firmware.Configuration;
using ChargePoint.Firmware.Contracts.Diagnostics;
using ChargePoint.Ocpp.Rpc;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Diagnostics;

/// <summary>
/// Keeps the V2G and OCPP messages per session for <c>cpdiag trace</c>. It is the tap both protocol stacks report
/// to (V2GTP frames through <see cref="IV2gPacketInspector"/>, OCPP frames through <see cref="IOcppFrameObserver"/>);
/// capturing only copies bytes under a short lock. Each trace is bounded (oldest messages dropped); finished
/// traces go to disk under Storage:Path/diagnostics/traces (the newest Diagnostics:KeepSessions are kept).
/// Messages outside a session (OCPP boot, heartbeats) go to the trace named <see cref="StationTraceId"/>.
/// </summary>
public sealed partial class TraceRecorder : IV2gPacketInspector, IOcppFrameObserver
{
    public const string StationTraceId = "station";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<TraceRecord>> _traces = new(StringComparer.Ordinal);
    private readonly int _perSession;
    private readonly int _keep;
    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private string? _current;
    private string? _latest;

    public TraceRecorder(IOptions<DiagnosticsOptions> options, IOptions<StorageOptions> storage, TimeProvider time, ILogger<TraceRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        _perSession = options.Value.TraceMessagesPerSession;
        _keep = options.Value.KeepSessions;
        _directory = Path.Combine(storage.Value.Path, "diagnostics", "traces");
        _time = time;
        _logger = logger;
        _traces[StationTraceId] = new Queue<TraceRecord>();
    }

    /// <summary>The session messages now go to (null between sessions).</summary>
    public string? CurrentSession
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public void BeginSession(string sessionId)
    {
        lock (_gate)
        {
            _current = sessionId;
            _latest = sessionId;
            _traces[sessionId] = new Queue<TraceRecord>();
        }
    }

    /// <summary>Closes the running session's trace and writes it to disk (off the caller's thread).</summary>
    public Task EndSessionAsync()
    {
        string? id;
        TraceRecord[] records;
        lock (_gate)
        {
            id = _current;
            _current = null;
            if (id is null || !_traces.Remove(id, out var queue))
            {
                return Task.CompletedTask;
            }

            records = [.. queue];
        }

        return Task.Run(() => Persist(id, records));
    }

    public void OnFrame(string connectionId, V2gtpDirection direction, V2gtpMessage message) =>
        Record(TraceProtocols.V2gtp, direction == V2gtpDirection.Sent ? "tx" : "rx", connectionId, message.PayloadType, message.Payload.Span);

    public void OnFramingError(string connectionId, V2gtpHeaderError error)
    {
        // The connection is closed by the transport; the log already has the error.
    }

    public void OnFrame(OcppFrameDirection direction, ReadOnlySpan<byte> utf8Frame) =>
        Record(TraceProtocols.Ocpp, direction == OcppFrameDirection.Sent ? "tx" : "rx", "csms", null, utf8Frame);

    public void Record(string protocol, string direction, string connection, int? payloadType, ReadOnlySpan<byte> payload)
    {
        var record = new TraceRecord(_time.GetUtcNow(), protocol, direction, connection, payloadType, payload.ToArray());
        lock (_gate)
        {
            var queue = _traces[_current ?? StationTraceId];
            if (queue.Count >= _perSession)
            {
                queue.Dequeue();
            }

            queue.Enqueue(record);
        }
    }

    /// <summary>The trace of <paramref name="sessionId"/>; null picks the running session, else the latest one.</summary>
    public SessionTrace? Find(string? sessionId)
    {
        TraceRecord[]? records = null;
        string? id;
        lock (_gate)
        {
            id = sessionId ?? _current ?? _latest ?? StationTraceId;
            if (_traces.TryGetValue(id, out var queue))
            {
                records = [.. queue];
            }
        }

        if (records is not null)
        {
            return new SessionTrace(id, [.. records.Select(TraceText.ToMessage)]);
        }

        return Load(id);
    }

    private SessionTrace? Load(string id)
    {
        if (id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || id.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var file = Path.Combine(_directory, id + ".jsonl");
        if (!File.Exists(file))
        {
            return null;
        }

        var messages = new List<TraceMessage>();
        foreach (var line in File.ReadLines(file))
        {
            try
            {
                if (JsonSerializer.Deserialize(line, DiagnosticsJsonContext.Default.TraceMessage) is { } message)
                {
                    messages.Add(message);
                }
            }
            catch (JsonException)
            {
                // A line cut by a power loss: skip it, keep the rest.
            }
        }

        return new SessionTrace(id, messages);
    }

    private void Persist(string id, TraceRecord[] records)
    {
        try
        {
            Directory.CreateDirectory(_directory);
            var file = Path.Combine(_directory, id + ".jsonl");
            using (var writer = new StreamWriter(file + ".tmp"))
            {
                foreach (var record in records)
                {
                    writer.WriteLine(JsonSerializer.Serialize(TraceText.ToMessage(record), DiagnosticsJsonContext.Default.TraceMessage));
                }
            }

            File.Move(file + ".tmp", file, overwrite: true);
            foreach (var old in new DirectoryInfo(_directory).GetFiles("*.jsonl").OrderByDescending(f => f.LastWriteTimeUtc).Skip(_keep))
            {
                old.Delete();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Losing a trace must never disturb charging.
            LogPersistFailed(_logger, id, ex.Message);
        }
    }

    [LoggerMessage(EventId = LogAreas.Diagnostics + 20, Level = LogLevel.Warning, Message = "Could not store the trace of session {SessionId}: {Reason}")]
    private static partial void LogPersistFailed(ILogger logger, string sessionId, string reason);
}
