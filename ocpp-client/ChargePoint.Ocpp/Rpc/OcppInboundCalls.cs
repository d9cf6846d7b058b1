using System.Text.Json;
using System.Threading.Channels;
using ChargePoint.Ocpp.Json;
using ChargePoint.Ocpp.Messages;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Rpc;

/// <summary>
/// Answers CSMS CALLs one by one, off the receive loop, so a handler may itself send a CALL (e.g. TriggerMessage).
/// </summary>
internal sealed partial class OcppInboundCalls
{
    private readonly Channel<(string MessageId, string Action, JsonElement Payload)> _queue =
        Channel.CreateBounded<(string, string, JsonElement)>(new BoundedChannelOptions(64) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private readonly OcppLink _link;
    private readonly OcppRequestHandlers _handlers;
    private readonly ILogger _logger;

    public OcppInboundCalls(OcppLink link, OcppRequestHandlers handlers, ILogger logger)
    {
        _link = link;
        _handlers = handlers;
        _logger = logger;
    }

    public void Enqueue(OcppInboundFrame frame)
    {
        if (!_queue.Writer.TryWrite((frame.MessageId, frame.Action!, frame.Payload.Clone())))
        {
            LogQueueFull(frame.Action);
        }
    }

    public void Complete() => _queue.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var (messageId, action, payload) in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var (frame, followUp) = await AnswerAsync(messageId, action, payload, cancellationToken).ConfigureAwait(false);
            if (await _link.SendAsync(frame, cancellationToken).ConfigureAwait(false) && followUp is not null)
            {
                _ = Task.Run(() => RunFollowUpAsync(action, followUp, cancellationToken), CancellationToken.None);
            }
        }
    }

    private async Task RunFollowUpAsync(string action, Func<CancellationToken, Task> followUp, CancellationToken cancellationToken)
    {
        try
        {
            await followUp(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            LogHandlerFailed(ex, action);
        }
    }

    private async Task<(byte[] Frame, Func<CancellationToken, Task>? FollowUp)> AnswerAsync(string messageId, string action, JsonElement payload, CancellationToken cancellationToken)
    {
        if (!OcppSchemaCatalog.TryGetValidator(action, OcppPayloadRole.Request, out _))
        {
            LogRejected(action, OcppErrorCode.NotImplemented, "unknown action");
            return (OcppFrameWriter.CallError(messageId, OcppErrorCode.NotImplemented, $"unknown action {action}"), null);
        }

        if (!_handlers.TryGet(action, out var handler))
        {
            LogRejected(action, OcppErrorCode.NotSupported, "no handler");
            return (OcppFrameWriter.CallError(messageId, OcppErrorCode.NotSupported, $"{action} is not supported by this station"), null);
        }

        if (_handlers.Gate is { } gate && !gate(action))
        {
            LogRejected(action, OcppErrorCode.SecurityError, "not allowed before the CSMS accepted the boot");
            return (OcppFrameWriter.CallError(messageId, OcppErrorCode.SecurityError, $"{action} is not allowed before BootNotification is accepted"), null);
        }

        try
        {
            var outcome = await handler(payload, cancellationToken).ConfigureAwait(false);
            if (outcome.Payload is { } response)
            {
                return (OcppFrameWriter.CallResult(messageId, response), outcome.FollowUp);
            }

            var first = outcome.Violations!.First!.Value;
            LogRejected(action, first.Code, outcome.Violations.ToString());
            return (OcppFrameWriter.CallError(messageId, first.Code, first.ToString()), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A handler bug must not take the connection down: the CSMS gets InternalError and the log the detail.
            LogHandlerFailed(ex, action);
            return (OcppFrameWriter.CallError(messageId, OcppErrorCode.InternalError, "internal error while handling " + action), null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered CSMS {Action} with {Code}: {Detail}")]
    private partial void LogRejected(string action, OcppErrorCode code, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler for {Action} failed")]
    private partial void LogHandlerFailed(Exception exception, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped CSMS {Action}: too many CALLs waiting")]
    private partial void LogQueueFull(string? action);
}
