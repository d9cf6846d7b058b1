using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;

namespace ChargePoint.Ocpp.Station;

/// <summary>The CSMS-initiated requests the station serves.</summary>
public sealed partial class OcppStation
{
    private void RegisterHandlers()
    {
        var handlers = _rpc.Handlers;
        handlers.Handle<GetVariablesRequest, GetVariablesResponse>((request, _) =>
            ValueTask.FromResult(new GetVariablesResponse { GetVariableResult = [.. request.GetVariableData.Select(_deviceModel.Get)] }));
        handlers.Handle<SetVariablesRequest, SetVariablesResponse>((request, _) =>
            ValueTask.FromResult(new SetVariablesResponse { SetVariableResult = [.. request.SetVariableData.Select(_deviceModel.Set)] }));
        handlers.HandleWithFollowUp<GetBaseReportRequest, GetBaseReportResponse>((request, _) =>
        {
            var items = _deviceModel.Report(request.ReportBase).ToList();
            return ValueTask.FromResult(new OcppReply<GetBaseReportResponse>(
                new GetBaseReportResponse { Status = GenericDeviceModelStatusEnumType.Accepted },
                ct => SendReportAsync(request.RequestId, items, ct)));
        });
        handlers.HandleWithFollowUp<GetReportRequest, GetReportResponse>((request, _) =>
        {
            var inventory = _deviceModel.Report(ReportBaseEnumType.FullInventory).ToList();
            var items = ComponentCriteria.Apply(_deviceModel.Report(request.ComponentVariable), inventory, request.ComponentCriteria).ToList();
            var status = items.Count == 0 ? GenericDeviceModelStatusEnumType.EmptyResultSet : GenericDeviceModelStatusEnumType.Accepted;
            return ValueTask.FromResult(new OcppReply<GetReportResponse>(
                new GetReportResponse { Status = status },
                items.Count == 0 ? null : ct => SendReportAsync(request.RequestId, items, ct)));
        });
        handlers.HandleWithFollowUp<ResetRequest, ResetResponse>((request, _) => ValueTask.FromResult(Reset(request)));
        handlers.HandleWithFollowUp<TriggerMessageRequest, TriggerMessageResponse>((request, _) => ValueTask.FromResult(Trigger(request)));
        handlers.HandleWithFollowUp<ChangeAvailabilityRequest, ChangeAvailabilityResponse>((request, _) => ValueTask.FromResult(ChangeAvailability(request)));
        handlers.Handle<DataTransferRequest, DataTransferResponse>((request, _) =>
            ValueTask.FromResult(new DataTransferResponse { Status = DataTransferStatusEnumType.UnknownVendorId })); // P01.FR.06: no vendor extensions known.
    }

    /// <summary>
    /// B11/B12: Immediate ends running transactions (ImmediateReset) and resets; OnIdle resets at once when no
    /// transaction runs, otherwise answers Scheduled and resets when the last one ends. Resetting one EVSE is not
    /// supported (the station restarts as a whole), so a request with evseId is Rejected.
    /// </summary>
    private OcppReply<ResetResponse> Reset(ResetRequest request)
    {
        if (request.EvseId is not null)
        {
            return new(new ResetResponse
            {
                Status = ResetStatusEnumType.Rejected,
                StatusInfo = new StatusInfoType { ReasonCode = "UnsupportedRequest", AdditionalInfo = "only the whole station can be reset" },
            });
        }

        if (request.Type == ResetEnumType.OnIdle && Transactions.AnyTransaction)
        {
            Volatile.Write(ref _resetWhenIdle, true);
            return new(new ResetResponse { Status = ResetStatusEnumType.Scheduled });
        }

        return new(new ResetResponse { Status = ResetStatusEnumType.Accepted }, async ct =>
        {
            for (var evse = 1; evse <= _layout.EvseCount; evse++)
            {
                await Transactions.StopTransactionAsync(evse, ReasonEnumType.ImmediateReset, ct).ConfigureAwait(false);
            }

            ResetRequested?.Invoke(request.Type);
        });
    }

    /// <summary>B12: a Scheduled OnIdle reset happens once no transaction runs any more.</summary>
    private void OnTransactionEnded(int evseId, string transactionId)
    {
        if (!Transactions.AnyTransaction && Interlocked.Exchange(ref _resetWhenIdle, false))
        {
            LogIdleReset(transactionId);
            ResetRequested?.Invoke(ResetEnumType.OnIdle);
        }
    }

    private OcppReply<TriggerMessageResponse> Trigger(TriggerMessageRequest request)
    {
        static OcppReply<TriggerMessageResponse> Reply(TriggerMessageStatusEnumType status, Func<CancellationToken, Task>? then = null) =>
            new(new TriggerMessageResponse { Status = status }, then);

        switch (request.RequestedMessage)
        {
            case MessageTriggerEnumType.BootNotification when _registration == RegistrationStatusEnumType.Accepted:
                return Reply(TriggerMessageStatusEnumType.Rejected); // F06.FR.17
            case MessageTriggerEnumType.BootNotification:
                return Reply(TriggerMessageStatusEnumType.Accepted, async ct =>
                {
                    BootReason = BootReasonEnumType.Triggered;
                    await BootAsync(ct).ConfigureAwait(false);
                });
            case MessageTriggerEnumType.Heartbeat:
                return Reply(TriggerMessageStatusEnumType.Accepted, ct => _rpc.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), ct));
            case MessageTriggerEnumType.StatusNotification:
                var targets = _status.Where(p => request.Evse is null || (p.Key.Evse == request.Evse.Id && (request.Evse.ConnectorId is null || p.Key.Connector == request.Evse.ConnectorId))).ToList();
                return targets.Count == 0
                    ? Reply(TriggerMessageStatusEnumType.Rejected)
                    : Reply(TriggerMessageStatusEnumType.Accepted, async ct =>
                    {
                        foreach (var ((evse, connector), status) in targets)
                        {
                            await SendStatusAsync(evse, connector, status, ct).ConfigureAwait(false);
                        }
                    });
            case MessageTriggerEnumType.TransactionEvent:
                var running = TriggerTargets(request.Evse).Where(e => Transactions.TransactionId(e) is not null).ToList();
                return running.Count == 0 ? Reply(TriggerMessageStatusEnumType.Rejected) : Reply(TriggerMessageStatusEnumType.Accepted, _ =>
                {
                    running.ForEach(e => Transactions.TriggeredUpdate(e));
                    return Task.CompletedTask;
                });
            case MessageTriggerEnumType.MeterValues:
                var readings = TriggerTargets(request.Evse).Select(e => (Evse: e, Reading: Transactions.LastReading(e))).Where(r => r.Reading is not null).ToList();
                return readings.Count == 0 ? Reply(TriggerMessageStatusEnumType.Rejected) : Reply(TriggerMessageStatusEnumType.Accepted, async ct =>
                {
                    var measurands = _deviceModel.GetList("AlignedDataCtrlr", "Measurands");
                    foreach (var (evse, reading) in readings)
                    {
                        var value = MeterValueBuilder.Build(reading! with { Timestamp = _time.GetUtcNow() }, measurands, ReadingContextEnumType.Trigger);
                        if (value.SampledValue.Count == 0)
                        {
                            continue; // AlignedDataCtrlr.Measurands is empty: nothing to report (the schema wants 1+ values).
                        }

                        await _rpc.CallAsync<MeterValuesRequest, MeterValuesResponse>(new MeterValuesRequest { EvseId = evse, MeterValue = [value] }, ct).ConfigureAwait(false);
                    }
                });
            default:
                return Reply(TriggerMessageStatusEnumType.NotImplemented);
        }
    }

    /// <summary>The EVSEs a TriggerMessage names: one (when it exists) or all.</summary>
    private IEnumerable<int> TriggerTargets(EVSEType? evse) =>
        evse is null ? Enumerable.Range(1, _layout.EvseCount) : evse.Id >= 1 && evse.Id <= _layout.EvseCount ? [evse.Id] : [];

    private OcppReply<ChangeAvailabilityResponse> ChangeAvailability(ChangeAvailabilityRequest request)
    {
        var inoperative = request.OperationalStatus == OperationalStatusEnumType.Inoperative;
        var affected = _status.Keys.Where(k => request.Evse is null || (k.Evse == request.Evse.Id && (request.Evse.ConnectorId is null || k.Connector == request.Evse.ConnectorId))).ToList();
        if (affected.Count == 0)
        {
            return new(new ChangeAvailabilityResponse { Status = ChangeAvailabilityStatusEnumType.Rejected, StatusInfo = new StatusInfoType { ReasonCode = "UnknownEvse" } });
        }

        var state = inoperative ? "Unavailable" : "Available";
        foreach (var (evse, connector) in affected)
        {
            _deviceModel.SetInternal("Connector", "AvailabilityState", state, evseId: evse, connectorId: connector);
        }

        // G03.FR.?: with a transaction running the change waits for its end.
        var busy = inoperative && affected.Any(k => Transactions.TransactionId(k.Evse) is not null);
        var status = busy ? ChangeAvailabilityStatusEnumType.Scheduled : ChangeAvailabilityStatusEnumType.Accepted;
        return new(new ChangeAvailabilityResponse { Status = status }, busy ? null : async ct =>
        {
            foreach (var (evse, connector) in affected)
            {
                var current = _status[(evse, connector)];
                var next = inoperative ? (current == ConnectorStatusEnumType.Faulted ? current : ConnectorStatusEnumType.Unavailable)
                    : current == ConnectorStatusEnumType.Unavailable ? ConnectorStatusEnumType.Available : current;
                _status[(evse, connector)] = next;
                await SendStatusAsync(evse, connector, next, ct).ConfigureAwait(false);
            }
        });
    }

    private async Task SendReportAsync(int requestId, List<ReportDataType> items, CancellationToken cancellationToken)
    {
        // B07.FR.?: split per DeviceDataCtrlr.ItemsPerMessage[GetReport], seqNo from 0, tbc on all but the last.
        var perMessage = Math.Max(1, _deviceModel.GetInt("DeviceDataCtrlr", "ItemsPerMessage", "GetReport"));
        var generatedAt = _time.GetUtcNow();
        var chunks = items.Chunk(perMessage).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var result = await _rpc.CallAsync<NotifyReportRequest, NotifyReportResponse>(new NotifyReportRequest
            {
                RequestId = requestId,
                GeneratedAt = generatedAt,
                SeqNo = i,
                Tbc = i < chunks.Count - 1 ? true : null,
                ReportData = chunks[i],
            }, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                LogReportAborted(requestId, i, result.ToString());
                return;
            }
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Transaction {TransactionId} ended: the scheduled OnIdle reset starts")]
    private partial void LogIdleReset(string transactionId);

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "NotifyReport {RequestId} stopped at part {SeqNo}: {Result}")]
    private partial void LogReportAborted(int requestId, int seqNo, string result);
}
