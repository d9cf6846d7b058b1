using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Queue;
using ChargePoint.Ocpp.Rpc;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Station;

/// <summary>
/// Clock-aligned meter values (J01): at every multiple of AlignedDataCtrlr.Interval seconds counted from midnight
/// UTC, EVSEs in a transaction report TransactionEvent Updated (MeterValueClock) and, with
/// AlignedDataCtrlr.SendDuringIdle, idle EVSEs report MeterValues, both with AlignedDataCtrlr.Measurands.
/// MeterValues go through the durable queue when OCPPCommCtrlr.QueueAllMessages is true; otherwise they are
/// sent only while online (a missed idle sample is logged, not stored).
/// </summary>
public sealed partial class AlignedMeterValues
{
    private readonly TransactionManager _transactions;
    private readonly DeviceModelService _deviceModel;
    private readonly DurableOutbox _outbox;
    private readonly OcppRpcClient _rpc;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public AlignedMeterValues(TransactionManager transactions, DeviceModelService deviceModel, DurableOutbox outbox, OcppRpcClient rpc, TimeProvider time, ILogger logger)
    {
        _transactions = transactions;
        _deviceModel = deviceModel;
        _outbox = outbox;
        _rpc = rpc;
        _time = time;
        _logger = logger;
    }

    /// <summary>The next clock-aligned instant after <paramref name="now"/> for an interval, counted from midnight UTC.</summary>
    public static DateTimeOffset NextAlignedTime(DateTimeOffset now, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var elapsed = now - midnight;
        var next = midnight + (interval * (Math.Floor(elapsed / interval) + 1));
        var nextMidnight = midnight.AddDays(1);
        return next > nextMidnight ? nextMidnight : next; // an interval that does not divide a day restarts at midnight
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var seconds = _deviceModel.GetBool("AlignedDataCtrlr", "Enabled") ? _deviceModel.GetInt("AlignedDataCtrlr", "Interval") : 0;
            var now = _time.GetUtcNow();
            // Interval 0 (off): look again in a second, so a SetVariables takes effect promptly.
            var wait = seconds > 0 ? NextAlignedTime(now, TimeSpan.FromSeconds(seconds)) - now : TimeSpan.FromSeconds(1);
            try
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (seconds > 0 && _deviceModel.GetInt("AlignedDataCtrlr", "Interval") == seconds)
            {
                await SampleAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Takes one aligned sample now (the loop calls it at each aligned instant).</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var idle = _transactions.ClockAlignedSample();
        if (!_deviceModel.GetBool("AlignedDataCtrlr", "SendDuringIdle"))
        {
            return;
        }

        var measurands = _deviceModel.GetList("AlignedDataCtrlr", "Measurands");
        foreach (var (evseId, reading) in idle)
        {
            var value = MeterValueBuilder.Build(reading with { Timestamp = _time.GetUtcNow() }, measurands, ReadingContextEnumType.Sample_Clock);
            if (value.SampledValue.Count == 0)
            {
                continue;
            }

            var request = new MeterValuesRequest { EvseId = evseId, MeterValue = [value] };
            if (_deviceModel.GetBool("OCPPCommCtrlr", "QueueAllMessages"))
            {
                _outbox.Enqueue("MeterValues", OcppFrameWriter.CheckedPayload(request), OutboxKind.Essential);
            }
            else if (_rpc.IsConnected)
            {
                await _rpc.CallAsync<MeterValuesRequest, MeterValuesResponse>(request, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                LogIdleSampleDropped(evseId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offline: aligned idle meter values of EVSE {EvseId} not sent (QueueAllMessages is false)")]
    private partial void LogIdleSampleDropped(int evseId);
}
