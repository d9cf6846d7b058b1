using System.Globalization;
using ChargePoint.Firmware.Contracts.Diagnostics;
using ChargePoint.Firmware.Evse;

namespace ChargePoint.Firmware.Diagnostics;

/// <summary>Follows one EVSE's sessions: opens a trace when a vehicle starts connecting and, when the session has
/// ended, closes the trace and adds the session to the history.</summary>
internal sealed class SessionTracker : IDisposable
{
    private readonly EvseManager _manager;
    private readonly TraceRecorder _traces;
    private readonly SessionHistory _history;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private string? _sessionId;
    private DateTimeOffset _startedAt;

    public SessionTracker(EvseManager manager, TraceRecorder traces, SessionHistory history, TimeProvider time)
    {
        _manager = manager;
        _traces = traces;
        _history = history;
        _time = time;
        _manager.StateChanged += OnStateChanged;
        _manager.SessionFinished += OnSessionFinished;
    }

    public void Dispose()
    {
        _manager.StateChanged -= OnStateChanged;
        _manager.SessionFinished -= OnSessionFinished;
    }

    private void OnStateChanged(EvseState state)
    {
        if (state != EvseState.Connecting)
        {
            return;
        }

        lock (_gate)
        {
            _startedAt = _time.GetUtcNow();
            _sessionId = $"{_manager.EvseId}-{_startedAt.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}";
            _traces.BeginSession(_sessionId);
        }
    }

    private void OnSessionFinished(SessionRecord record)
    {
        string id;
        DateTimeOffset startedAt;
        var stoppedAt = _time.GetUtcNow();
        lock (_gate)
        {
            startedAt = _sessionId is null ? stoppedAt - record.Duration : _startedAt;
            id = _sessionId ?? $"{record.EvseId}-{startedAt.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}";
            _sessionId = null;
        }

        _history.Add(new SessionSummary(
            id,
            record.EvseId,
            record.TransactionId,
            startedAt,
            stoppedAt,
            record.ImportedWattHours,
            record.ExportedWattHours,
            record.NetWattHours,
            record.StopReason.ToString(),
            record.Outcome.End.ToString(),
            record.Fault?.ToString()));
        _ = _traces.EndSessionAsync();
    }
}
