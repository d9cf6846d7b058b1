using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Queue;

/// <summary>
/// Replays the durable outbox in order whenever the station is registered and online. A message that gets a
/// CALLERROR, an invalid answer or no answer is retried up to MessageAttempts[TransactionEvent] times,
/// waiting MessageAttemptInterval[TransactionEvent] × attempt between tries (E13), then dropped and logged.
/// Being offline is not an attempt: the message simply waits.
/// </summary>
public sealed partial class OutboxSender : IDisposable
{
    private readonly DurableOutbox _outbox;
    private readonly OcppRpcClient _rpc;
    private readonly DeviceModelService _deviceModel;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);

    public OutboxSender(DurableOutbox outbox, OcppRpcClient rpc, DeviceModelService deviceModel, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        _outbox = outbox;
        _rpc = rpc;
        _deviceModel = deviceModel;
        _time = time;
        _logger = logger;
        outbox.Enqueued += Wake;
        outbox.Dropped += OnDropped;
    }

    /// <summary>Raised after the CSMS answered a queued TransactionEvent: (the request as sent, the answer).</summary>
    public event Action<TransactionEventRequest, TransactionEventResponse>? TransactionEventAnswered;

    /// <summary>Set by the station: true once the CSMS accepted the boot (nothing is replayed before).</summary>
    public Func<bool> IsRegistered { get; set; } = () => true;

    public void Wake() => _wake.Release();

    public void Dispose()
    {
        _outbox.Enqueued -= Wake;
        _outbox.Dropped -= OnDropped;
        _wake.Dispose();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = _rpc.IsConnected && IsRegistered() ? _outbox.Peek() : null;
            if (next is null)
            {
                // Woken by a new row or a (re)registration; the timeout only guards against a missed wake-up.
                await _wake.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                continue;
            }

            var result = await SendAsync(next, cancellationToken).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                _outbox.Remove(next.Sequence);
                continue;
            }

            if (result.Failure == OcppCallFailure.NotConnected)
            {
                continue;
            }

            var attempts = next.Attempts + 1;
            var maxAttempts = Math.Max(1, _deviceModel.GetInt("OCPPCommCtrlr", "MessageAttempts", "TransactionEvent"));
            if (attempts >= maxAttempts)
            {
                LogGaveUp(next.Action, next.Sequence, attempts, result.ToString());
                _outbox.Remove(next.Sequence);
                continue;
            }

            _outbox.RecordAttempt(next.Sequence);
            var interval = TimeSpan.FromSeconds(_deviceModel.GetInt("OCPPCommCtrlr", "MessageAttemptInterval", "TransactionEvent") * attempts);
            LogRetry(next.Action, next.Sequence, attempts, interval, result.ToString());
            await Task.Delay(interval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(bool IsSuccess, OcppCallFailure? Failure, string Text)> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        switch (message.Action)
        {
            case "TransactionEvent":
                var tx = await _rpc.CallPreparedAsync<TransactionEventResponse>(message.Action, message.Payload, cancellationToken).ConfigureAwait(false);
                if (tx.Response is { } answer && TransactionEventAnswered is { } answered)
                {
                    using var sent = System.Text.Json.JsonDocument.Parse(message.Payload);
                    answered(TransactionEventRequest.ReadFrom(sent.RootElement), answer);
                }

                return (tx.IsSuccess, tx.Failure, tx.ToString());
            case "SecurityEventNotification":
                var security = await _rpc.CallPreparedAsync<SecurityEventNotificationResponse>(message.Action, message.Payload, cancellationToken).ConfigureAwait(false);
                return (security.IsSuccess, security.Failure, security.ToString());
            case "NotifyEvent":
                var notified = await _rpc.CallPreparedAsync<NotifyEventResponse>(message.Action, message.Payload, cancellationToken).ConfigureAwait(false);
                return (notified.IsSuccess, notified.Failure, notified.ToString());
            case "MeterValues":
                var meter = await _rpc.CallPreparedAsync<MeterValuesResponse>(message.Action, message.Payload, cancellationToken).ConfigureAwait(false);
                return (meter.IsSuccess, meter.Failure, meter.ToString());
            default:
                throw new InvalidOperationException("Outbox holds an action it cannot send: " + message.Action);
        }
    }

    private void OnDropped(OutboxMessage message) => LogQueueFull(message.Action, message.Sequence, message.Kind, _outbox.Capacity);

    [LoggerMessage(Level = LogLevel.Error, Message = "Offline queue full ({Capacity} messages): dropped queued {Action} #{Sequence} ({Kind})")]
    private partial void LogQueueFull(string action, long sequence, OutboxKind kind, int capacity);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped queued {Action} #{Sequence} after {Attempts} attempts: {Result}")]
    private partial void LogGaveUp(string action, long sequence, int attempts, string result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued {Action} #{Sequence} attempt {Attempts} failed ({Result}); retry in {Interval}")]
    private partial void LogRetry(string action, long sequence, int attempts, TimeSpan interval, string result);
}
