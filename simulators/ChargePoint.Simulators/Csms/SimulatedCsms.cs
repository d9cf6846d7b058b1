using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.SmartCharging;
using ChargePoint.Ocpp.SmartCharging.Wire;

namespace ChargePoint.Simulators.Csms;

/// <summary>
/// The simulation's CSMS: a small OCPP 2.1 server (OCPP-J over WebSocket, subprotocol ocpp2.1, on 127.0.0.1 and
/// a free port) that accepts the station, answers what a station sends (BootNotification Accepted, Heartbeat,
/// StatusNotification, TransactionEvent, Authorize, NotifyEVChargingNeeds, NotifyEVChargingSchedule, NotifyChargingLimit,
/// ClearedChargingLimit, NotifyPriorityCharging, MeterValues, NotifyEvent, ...), asks for
/// meter values every <see cref="MeterValueIntervalSeconds"/> s and, <see cref="ChargeTime"/> after each
/// transaction reports energy flowing (chargingState Charging), asks for discharge with a TxProfile in W (limit, negative dischargeLimit, negative setpoint:
/// OCPP 2.1 V2X CentralSetpoint).
/// </summary>
public sealed class SimulatedCsms : IAsyncDisposable
{
    public const double DischargeSetpointWatts = -15_000;
    public const double DischargeLimitWatts = -20_000;
    public const double ChargeLimitWatts = 50_000;
    public const int MeterValueIntervalSeconds = 2;

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, CsmsConnection> _stations = new(StringComparer.Ordinal);
    private readonly List<Task> _work = [];
    private readonly ConcurrentDictionary<string, bool> _dischargeAsked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _ended = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly CsmsHandlers _handlers = new();
    private int _nextProfileId = 1000;
    private int _disposed;
    private Task? _accept;

    public SimulatedCsms(TimeSpan chargeTime, TimeProvider time)
    {
        ChargeTime = chargeTime;
        _time = time;
        _handlers
            .On<BootNotificationRequest, BootNotificationResponse>((c, _) =>
            {
                Track(ConfigureAsync(c));
                return new() { CurrentTime = _time.GetUtcNow(), Interval = 300, Status = RegistrationStatusEnumType.Accepted };
            })
            .On<HeartbeatRequest, HeartbeatResponse>((_, _) => new() { CurrentTime = _time.GetUtcNow() })
            .On<StatusNotificationRequest, StatusNotificationResponse>((_, _) => new())
            .On<AuthorizeRequest, AuthorizeResponse>((_, _) => new() { IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted } })
            .On<TransactionEventRequest, TransactionEventResponse>(OnTransactionEvent)
            .On<NotifyEVChargingNeedsRequest, NotifyEVChargingNeedsResponse>((_, _) => new() { Status = NotifyEVChargingNeedsStatusEnumType.Accepted })
            .On<MeterValuesRequest, MeterValuesResponse>((_, _) => new())
            .On<NotifyEventRequest, NotifyEventResponse>((_, _) => new())
            .On<SecurityEventNotificationRequest, SecurityEventNotificationResponse>((_, _) => new())
            .On<NotifyReportRequest, NotifyReportResponse>((_, _) => new())
            .On<ReportChargingProfilesRequest, ReportChargingProfilesResponse>((_, _) => new())
            .On<NotifyEVChargingScheduleRequest, NotifyEVChargingScheduleResponse>((_, _) => new() { Status = GenericStatusEnumType.Accepted })
            .On<NotifyChargingLimitRequest, NotifyChargingLimitResponse>((_, _) => new())
            .On<ClearedChargingLimitRequest, ClearedChargingLimitResponse>((_, _) => new())
            .On<NotifyPriorityChargingRequest, NotifyPriorityChargingResponse>((_, _) => new());
    }

    public TimeSpan ChargeTime { get; }

    /// <summary>ws://127.0.0.1:port/ocpp (the station appends its id).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The answer to each discharge request: Accepted or the station's rejection.</summary>
    public ConcurrentQueue<string> DischargeAnswers { get; } = new();

    /// <summary>The connected stations by id.</summary>
    public IReadOnlyDictionary<string, CsmsConnection> Stations => _stations;

    public void Start()
    {
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _listener.Start();
        Url = new Uri($"ws://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/ocpp");
        _accept = AcceptAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return; // The host may stop the simulation twice (sessions done, then the host's own stop).
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Close();
        Task[] work;
        lock (_work)
        {
            work = [.. _work];
        }

        try
        {
            await Task.WhenAll([.. work, _accept ?? Task.CompletedTask]).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or System.Net.WebSockets.WebSocketException or HttpListenerException or ObjectDisposedException)
        {
            // Links closing with the CSMS.
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Track(ServeAsync(context, cancellationToken));
        }
    }

    private async Task ServeAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var offered = context.Request.Headers["Sec-WebSocket-Protocol"]?.Split(',', StringSplitOptions.TrimEntries) ?? [];
        if (!context.Request.IsWebSocketRequest || !offered.Contains("ocpp2.1"))
        {
            // OCPP-J: the CSMS speaks only the subprotocol it supports.
            context.Response.StatusCode = 400;
            context.Response.Close();
            return;
        }

        var socket = (await context.AcceptWebSocketAsync("ocpp2.1").ConfigureAwait(false)).WebSocket;
        var stationId = Uri.UnescapeDataString(context.Request.Url!.Segments[^1].TrimEnd('/'));
        using var connection = new CsmsConnection(socket, stationId, _handlers.Table);
        _stations[stationId] = connection;
        try
        {
            await connection.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or OperationCanceledException)
        {
            // The station went away or the CSMS stops.
        }
        finally
        {
            _stations.TryRemove(new KeyValuePair<string, CsmsConnection>(stationId, connection));
            socket.Dispose();
        }
    }

    /// <summary>After boot: sample meter values every few seconds during transactions, with SoC and export power.</summary>
    private async Task ConfigureAsync(CsmsConnection station)
    {
        await Task.Yield();
        static SetVariableDataType Sampled(string variable, string value) => new()
        {
            AttributeValue = value,
            Component = new ComponentType { Name = "SampledDataCtrlr" },
            Variable = new VariableType { Name = variable },
        };
        await station.CallAsync<SetVariablesRequest, SetVariablesResponse>(new SetVariablesRequest
        {
            SetVariableData =
            [
                Sampled("TxUpdatedInterval", MeterValueIntervalSeconds.ToString(CultureInfo.InvariantCulture)),
                Sampled("TxUpdatedMeasurands", "Energy.Active.Import.Register,Energy.Active.Export.Register,Power.Active.Import,Power.Active.Export,SoC"),
            ],
        }, _stop.Token).ConfigureAwait(false);
    }

    private TransactionEventResponse OnTransactionEvent(CsmsConnection station, TransactionEventRequest request)
    {
        // Counted from the first energy flow, not from the transaction start: with ISO 15118 the transaction starts at
        // plug-in and SLAC, TLS, cable check and pre-charge come before any energy.
        if (request.TransactionInfo.ChargingState == ChargingStateEnumType.Charging
            && _dischargeAsked.TryAdd(request.TransactionInfo.TransactionId, true))
        {
            Track(RequestDischargeAsync(station, request.Evse?.Id ?? 1, request.TransactionInfo.TransactionId));
        }

        if (request.EventType == TransactionEventEnumType.Ended)
        {
            _ended.TryAdd(request.TransactionInfo.TransactionId, true);
        }

        return new TransactionEventResponse();
    }

    private async Task RequestDischargeAsync(CsmsConnection station, int evseId, string transactionId)
    {
        await Task.Delay(ChargeTime, _time, _stop.Token).ConfigureAwait(false);
        if (_ended.ContainsKey(transactionId))
        {
            return; // a short session ended before its discharge was due: a profile for it would only be refused
        }

        var period = new ChargingSchedulePeriod(0)
        {
            Limit = ChargeLimitWatts,
            DischargeLimit = DischargeLimitWatts,
            Setpoint = DischargeSetpointWatts,
            OperationMode = OperationMode.CentralSetpoint,
        };
        var schedule = new ChargingSchedule(1, ChargingRateUnit.W, [period]) { StartSchedule = _time.GetUtcNow().AddSeconds(-1) };
        var profile = new ChargingProfile(Interlocked.Increment(ref _nextProfileId), 0, ChargingProfilePurpose.TxProfile, ChargingProfileKind.Absolute, [schedule])
        {
            TransactionId = transactionId,
        };
        var response = await station.CallAsync<SetChargingProfileRequest, SetChargingProfileResponse>(
            new SetChargingProfileRequest { EvseId = evseId, ChargingProfile = ChargingProfileWireMapper.ToWire(profile) }, _stop.Token).ConfigureAwait(false);
        DischargeAnswers.Enqueue(response is null ? "no answer"
            : response.Status == ChargingProfileStatusEnumType.Accepted ? "Accepted"
            : $"Rejected ({response.StatusInfo?.ReasonCode})");
    }

    private void Track(Task task)
    {
        lock (_work)
        {
            _work.RemoveAll(t => t.IsCompleted);
            _work.Add(task);
        }
    }
}
