using ChargePoint.V2g.Exi;
using ChargePoint.V2g.Exi.AppProtocol;
using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.Ac;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;
using ChargePoint.V2g.Exi.Iso20.Dc;
using ChargePoint.V2g.Secc;
using ChargePoint.V2g.Secc.States;
using ChargePoint.V2g.Transport;
using Iso20ResponseCode = ChargePoint.V2g.Exi.Iso20.responseCodeType;

namespace ChargePoint.Simulators.Ev;

/// <summary>
/// A simulated ISO 15118-20 EVCC over one V2G connection (TLS 1.3 for -20): SupportedAppProtocol, then the
/// DC/AC (BPT) session in Scheduled or Dynamic mode, with the scripted behaviours of
/// <see cref="EvSimulatorOptions"/>. Every message is written to the trace in readable form.
/// </summary>
public sealed class EvccSession
{
    private const double PreChargeTolerance = 20;
    private const int MaxPolls = 10_000;

    private readonly EvSimulatorOptions _options;
    private readonly EvRequests _requests;
    private readonly TimeProvider _time;
    private readonly Action<string> _trace;
    private readonly List<string> _exchanges = [];
    private readonly List<EvLoopObservation> _loopsSeen = [];
    private readonly List<EvScheduleObservation> _schedules = [];
    private readonly List<EvPowerProfile> _profilesSent = [];
    private readonly byte[] _buffer = new byte[V2gtpOptions.DefaultMaxPayloadLength];
    private byte[] _sessionId = new byte[8];
    private string _lastResponse = "-";
    private string _lastCode = "-";
    private int _loops;

    public EvccSession(EvSimulatorOptions options, TimeProvider time, Action<string>? trace = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _requests = new EvRequests(options);
        _time = time;
        _trace = trace ?? (_ => { });
    }

    public async Task<EvSessionResult> RunAsync(IV2gConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            if (!await NegotiateAsync(connection, cancellationToken))
            {
                return Result(EvSessionOutcome.NegotiationFailed);
            }

            var outcome = await RunIso20Async(connection, cancellationToken);
            return Result(outcome);
        }
        catch (EvSessionEndedException ended)
        {
            return Result(ended.Outcome);
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<bool> NegotiateAsync(IV2gConnection connection, CancellationToken cancellationToken)
    {
        var request = _requests.AppProtocols();
        Trace("→ supportedAppProtocolReq " + string.Join(", ", request.AppProtocol.Select(p => $"{p.ProtocolNamespace} {p.VersionNumberMajor}.{p.VersionNumberMinor} prio {p.Priority}")));
        var length = AppProtocolCodec.Encode(new AppProtocolDocument(AppProtocolRoot.supportedAppProtocolReq, request), _buffer);
        await connection.SendAsync(new V2gtpMessage(V2gtpPayloadType.SapOrLegacyExi, _buffer.AsMemory(0, length)), cancellationToken);
        var read = await connection.ReceiveAsync(cancellationToken);
        if (read.Status != V2gtpReadStatus.Message)
        {
            throw new EvSessionEndedException { Outcome = EvSessionOutcome.ConnectionClosed };
        }

        var response = (supportedAppProtocolResType)AppProtocolCodec.Decode(read.Message.Payload.Span).Value;
        _lastResponse = "supportedAppProtocolRes";
        _lastCode = response.ResponseCode.ToString();
        Trace($"← supportedAppProtocolRes {response.ResponseCode} SchemaID {response.SchemaID?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
        return response.ResponseCode != ChargePoint.V2g.Exi.AppProtocol.responseCodeType.Failed_NoNegotiation;
    }

    private async Task<EvSessionOutcome> RunIso20Async(IV2gConnection connection, CancellationToken ct)
    {
        var setup = _requests.SessionSetup();
        setup.Header = Header(_options.ResumeSessionId ?? new byte[8]);
        var setupRes = await ExchangeAsync<SessionSetupResType>(connection, setup, ct, stampHeader: false);
        _sessionId = setupRes.Header.SessionID;
        if (setupRes.ResponseCode != Iso20ResponseCode.OK_OldSessionJoined)
        {
            await ExchangeAsync<AuthorizationSetupResType>(connection, EvRequests.AuthorizationSetup(), ct);
            await PollAsync<AuthorizationResType>(connection, EvRequests.Authorization, r => r.EVSEProcessing, ct);
            await ExchangeAsync<ServiceDiscoveryResType>(connection, _requests.ServiceDiscovery(), ct);
            var detail = await ExchangeAsync<ServiceDetailResType>(connection, _requests.ServiceDetail(), ct);
            var parameterSet = ChooseParameterSet(detail);
            await ExchangeAsync<ServiceSelectionResType>(connection, _requests.ServiceSelection(parameterSet), ct);
            if (_options.SkipToChargeLoop)
            {
                await ExchangeAsync<V2GResponseType>(connection, _requests.ChargeLoop(0, meterInfo: false), ct);
            }
        }

        await ExchangeAsync<V2GResponseType>(connection, _requests.ChargeParameterDiscovery(), ct);
        var tuple = await ScheduleExchangeAsync(connection, ct);
        if (_options.Service.IsDc())
        {
            await PollAsync<DC_CableCheckResType>(connection, EvRequests.CableCheck, r => r.EVSEProcessing, ct);
            await PreChargeAsync(connection, ct);
        }

        _options.PowerDeliveryChanging?.Invoke(true);
        await PowerDeliveryStartAsync(connection, tuple, ct);
        var end = await ChargeLoopAsync(connection, ct);
        await ExchangeAsync<PowerDeliveryResType>(connection, _requests.PowerDelivery(chargeProgressType.Stop, null, _time.GetUtcNow()), ct);
        _options.PowerDeliveryChanging?.Invoke(false);
        if (_options.Service.IsDc())
        {
            await ExchangeAsync<DC_WeldingDetectionResType>(connection, EvRequests.WeldingDetection(), ct);
        }

        var pause = end == evseNotificationType.Pause;
        await ExchangeAsync<SessionStopResType>(connection, EvRequests.SessionStop(pause ? chargingSessionType.Pause : chargingSessionType.Terminate), ct);
        return pause ? EvSessionOutcome.Paused : EvSessionOutcome.Completed;
    }

    private ushort ChooseParameterSet(ServiceDetailResType detail)
    {
        foreach (var set in detail.ServiceParameterList.ParameterSet)
        {
            if (set.Parameter.Any(p => p.Name == "ControlMode" && p.intValue == (int)_options.ControlMode))
            {
                return set.ParameterSetID;
            }
        }

        return detail.ServiceParameterList.ParameterSet[0].ParameterSetID;
    }

    /// <summary>Scheduled mode: the ScheduleTuple the EV selects (the first offered), as it read it; null in Dynamic mode.</summary>
    private async Task<EvScheduleObservation?> ScheduleExchangeAsync(IV2gConnection connection, CancellationToken ct)
    {
        var response = await PollAsync<ScheduleExchangeResType>(connection, _requests.ScheduleExchange, r => r.EVSEProcessing, ct);
        if (response.Scheduled_SEResControlMode?.ScheduleTuple.FirstOrDefault() is not { } tuple)
        {
            return null;
        }

        var observed = new EvScheduleObservation(
            _time.GetUtcNow(),
            tuple.ScheduleTupleID,
            DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(tuple.ChargingSchedule.PowerSchedule.TimeAnchor, long.MaxValue / 2)),
            Entries(tuple.ChargingSchedule),
            tuple.DischargingSchedule is { } discharging ? Entries(discharging) : []);
        _schedules.Add(observed);
        Trace($"  (tuple {observed.ScheduleTupleId}: charge {Describe(observed.Charging)}; discharge {Describe(observed.Discharging)})");
        return observed;
    }

    private static List<ScheduleEntry> Entries(ChargingScheduleType schedule) =>
        [.. schedule.PowerSchedule.PowerScheduleEntries.PowerScheduleEntry.Select(e => new ScheduleEntry(TimeSpan.FromSeconds(e.Duration), e.Power.Magnitude()))];

    private static string Describe(IReadOnlyList<ScheduleEntry> entries) => entries.Count == 0
        ? "none"
        : string.Join(", ", entries.Take(4).Select(e => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{e.Power:0} W for {e.Duration.TotalSeconds:0} s")))
            + (entries.Count > 4 ? ", ..." : string.Empty);

    private async Task PowerDeliveryStartAsync(IV2gConnection connection, EvScheduleObservation? tuple, CancellationToken ct)
    {
        var request = _requests.PowerDelivery(chargeProgressType.Start, tuple, _time.GetUtcNow());
        if (PowerDeliveryHandler.Profile(request) is { } profile)
        {
            _profilesSent.Add(profile);
        }

        await ExchangeAsync<PowerDeliveryResType>(connection, request, ct);
    }

    private async Task PreChargeAsync(IV2gConnection connection, CancellationToken ct)
    {
        for (var i = 0; i < MaxPolls; i++)
        {
            var response = await ExchangeAsync<DC_PreChargeResType>(connection, _requests.PreCharge(finished: false), ct);
            if (Math.Abs(response.EVSEPresentVoltage.ToDouble() - _options.Battery.Voltage) <= PreChargeTolerance)
            {
                await ExchangeAsync<DC_PreChargeResType>(connection, _requests.PreCharge(finished: true), ct);
                return;
            }

            await Task.Delay(_options.OngoingPollInterval, _time, ct);
        }

        throw new EvSessionEndedException { Outcome = EvSessionOutcome.Rejected };
    }

    /// <summary>The loop; returns the notification (or script step) that ended it, or null after the planned loops.</summary>
    private async Task<evseNotificationType?> ChargeLoopAsync(IV2gConnection connection, CancellationToken ct)
    {
        var renegotiated = false;
        double power = 0;
        var started = _time.GetTimestamp();
        for (var i = 1; _options.LoopDuration is { } duration ? _time.GetElapsedTime(started) < duration : i <= _options.ChargeLoops; i++)
        {
            if (_options.SlowLoopDelay is { } slow && i == _options.SlowLoopNumber)
            {
                Trace($"(slow EV: waiting {slow.TotalMilliseconds:0} ms)");
                await Task.Delay(slow, _time, ct);
            }

            var response = await ExchangeAsync<ChargeLoopResType>(connection, _requests.ChargeLoop(power, meterInfo: i == 1), ct);
            _loops++;
            _loopsSeen.Add(Observe(response));
            power = PowerOf(response);
            _options.Battery.Apply(power, _options.SimulatedTimePerLoop);
            var notification = response.EVSEStatus?.EVSENotification;
            if (notification is evseNotificationType.Terminate or evseNotificationType.Pause)
            {
                return notification;
            }

            if (_options.PauseAfterLoops == i)
            {
                return evseNotificationType.Pause;
            }

            if (notification == evseNotificationType.ScheduleRenegotiation || (_options.RenegotiateAfterLoops == i && !renegotiated))
            {
                renegotiated = true;
                await ExchangeAsync<PowerDeliveryResType>(connection, _requests.PowerDelivery(chargeProgressType.ScheduleRenegotiation, null, _time.GetUtcNow()), ct);
                var tuple = await ScheduleExchangeAsync(connection, ct);
                await PowerDeliveryStartAsync(connection, tuple, ct);
            }

            await Task.Delay(_options.LoopInterval, _time, ct);
        }

        return null;
    }

    private EvLoopObservation Observe(ChargeLoopResType response)
    {
        var notification = response.EVSEStatus?.EVSENotification.ToString();
        return response switch
        {
            DC_ChargeLoopResType dc => new EvLoopObservation(
                _time.GetUtcNow(),
                dc.EVSEPresentVoltage.ToDouble(),
                dc.EVSEPresentCurrent.ToDouble(),
                null,
                dc.BPT_Dynamic_DC_CLResControlMode?.EVSEMaximumChargePower.MagnitudeOrNull() ?? dc.Dynamic_DC_CLResControlMode?.EVSEMaximumChargePower.MagnitudeOrNull(),
                dc.BPT_Dynamic_DC_CLResControlMode?.EVSEMaximumDischargePower.MagnitudeOrNull(),
                notification),
            _ => new EvLoopObservation(_time.GetUtcNow(), null, null, PowerOf(response), null, null, notification),
        };
    }

    private static double PowerOf(ChargeLoopResType response) => response switch
    {
        DC_ChargeLoopResType dc => dc.EVSEPresentVoltage.ToDouble() * dc.EVSEPresentCurrent.ToDouble(),
        AC_ChargeLoopResType ac => (ac.BPT_Dynamic_AC_CLResControlMode ?? ac.Dynamic_AC_CLResControlMode)?.EVSETargetActivePower.ToDouble()
            ?? (ac.BPT_Scheduled_AC_CLResControlMode ?? ac.Scheduled_AC_CLResControlMode)?.EVSETargetActivePower.ToDoubleOrNull()
            ?? 0,
        _ => 0,
    };

    private async Task<T> PollAsync<T>(IV2gConnection connection, Func<V2GRequestType> request, Func<T, processingType> processing, CancellationToken ct)
        where T : V2GResponseType
    {
        for (var i = 0; i < MaxPolls; i++)
        {
            var response = await ExchangeAsync<T>(connection, request(), ct);
            if (processing(response) == processingType.Finished)
            {
                return response;
            }

            await Task.Delay(_options.OngoingPollInterval, _time, ct);
        }

        throw new EvSessionEndedException { Outcome = EvSessionOutcome.Rejected };
    }

    private async Task<T> ExchangeAsync<T>(IV2gConnection connection, V2GRequestType request, CancellationToken ct, bool stampHeader = true)
        where T : V2GResponseType
    {
        if (stampHeader)
        {
            request.Header = Header(_sessionId);
        }

        var (payloadType, length) = Iso20MessageCodec.Encode(request, _buffer);
        Trace("→ " + Iso20MessageCodec.NameOf(request));
        try
        {
            await connection.SendAsync(new V2gtpMessage(payloadType, _buffer.AsMemory(0, length)), ct);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            Trace("× connection closed by the SECC");
            throw new EvSessionEndedException { Outcome = EvSessionOutcome.ConnectionClosed };
        }

        var read = await connection.ReceiveAsync(ct);
        if (read.Status != V2gtpReadStatus.Message)
        {
            Trace("× connection closed by the SECC");
            throw new EvSessionEndedException { Outcome = EvSessionOutcome.ConnectionClosed };
        }

        V2GMessageType decoded;
        try
        {
            decoded = Iso20MessageCodec.Decode(read.Message.PayloadType, read.Message.Payload.Span);
        }
        catch (ExiException e)
        {
            Trace("× undecodable response: " + e.Message);
            throw new EvSessionEndedException { Outcome = EvSessionOutcome.ConnectionClosed };
        }

        var response = decoded as V2GResponseType ?? throw new EvSessionEndedException { Outcome = EvSessionOutcome.ConnectionClosed };
        _lastResponse = Iso20MessageCodec.NameOf(response);
        _lastCode = response.ResponseCode.ToString();
        Trace($"← {_lastResponse} {_lastCode}{Describe(response)}");
        if (response.ResponseCode >= Iso20ResponseCode.FAILED)
        {
            throw new EvSessionEndedException { Outcome = EvSessionOutcome.Rejected };
        }

        return response as T ?? throw new EvSessionEndedException { Outcome = EvSessionOutcome.Rejected };
    }

    private static string Describe(V2GResponseType response) => response switch
    {
        DC_ChargeLoopResType dc => $" {dc.EVSEPresentVoltage.ToDouble():0.#} V {dc.EVSEPresentCurrent.ToDouble():0.#} A{Notification(dc.EVSEStatus)}",
        AC_ChargeLoopResType ac => $" target {PowerOf(ac):0} W{Notification(ac.EVSEStatus)}",
        DC_PreChargeResType pre => $" {pre.EVSEPresentVoltage.ToDouble():0.#} V",
        AuthorizationResType auth => " " + auth.EVSEProcessing,
        DC_CableCheckResType cable => " " + cable.EVSEProcessing,
        ScheduleExchangeResType schedule => " " + schedule.EVSEProcessing,
        PowerDeliveryResType delivery => Notification(delivery.EVSEStatus),
        _ => string.Empty,
    };

    private static string Notification(EVSEStatusType? status) =>
        status is null ? string.Empty : $" [EVSE {status.EVSENotification}, within {status.NotificationMaxDelay} s]";

    private MessageHeaderType Header(byte[] sessionId) => new()
    {
        SessionID = sessionId,
        TimeStamp = (ulong)Math.Max(0, _time.GetUtcNow().ToUnixTimeSeconds()),
    };

    private void Trace(string line)
    {
        _exchanges.Add(line);
        _trace("[ev] " + line);
    }

    private EvSessionResult Result(EvSessionOutcome outcome) =>
        new(outcome, _lastResponse, _lastCode, _sessionId, _loops, _options.Battery.SocPercent, _exchanges, _loopsSeen, _schedules, _profilesSent);
}
