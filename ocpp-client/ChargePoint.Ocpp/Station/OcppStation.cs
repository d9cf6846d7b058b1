using System.Collections.Concurrent;
using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Queue;
using ChargePoint.Ocpp.Rpc;
using ChargePoint.Ocpp.Storage;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Station;

/// <summary>
/// The charging-station side of OCPP 2.1 provisioning: BootNotification until Accepted (B01-B03), Heartbeat,
/// StatusNotification, and the CSMS requests GetVariables, SetVariables, GetBaseReport, GetReport, Reset,
/// TriggerMessage, ChangeAvailability and DataTransfer. Transactions go through <see cref="Transactions"/>.
/// </summary>
public sealed partial class OcppStation : IDisposable
{
    /// <summary>B02.FR.02/03: while Pending the CSMS may only configure and trigger.</summary>
    private static readonly HashSet<string> AllowedWhilePending = ["GetVariables", "SetVariables", "GetBaseReport", "GetReport", "TriggerMessage"];

    private readonly OcppRpcClient _rpc;
    private readonly DeviceModelService _deviceModel;
    private readonly StationLayout _layout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OutboxSender _sender;
    private readonly ConcurrentDictionary<(int Evse, int Connector), ConnectorStatusEnumType> _status = new();
    private RegistrationStatusEnumType? _registration;
    private int? _registeredSlot;
    private bool _resetWhenIdle;
    private DateTimeOffset? _disconnectedAt;

    public OcppStation(OcppRpcClient rpc, DeviceModelService deviceModel, DurableOutbox outbox, StationLayout layout, TimeProvider time, ILogger logger, OpenTransactionStore? openTransactions = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(layout);
        _rpc = rpc;
        _deviceModel = deviceModel;
        _layout = layout;
        _time = time;
        _logger = logger;
        _sender = new OutboxSender(outbox, rpc, deviceModel, time, logger) { IsRegistered = () => _registration == RegistrationStatusEnumType.Accepted };
        Transactions = new TransactionManager(deviceModel, outbox, rpc, time, logger, OnConnectorStatusAsync, openTransactions);
        Transactions.TransactionEnded += OnTransactionEnded;
        for (var evse = 1; evse <= layout.EvseCount; evse++)
        {
            for (var connector = 1; connector <= layout.ConnectorsPerEvse; connector++)
            {
                _status[(evse, connector)] = ConnectorStatusEnumType.Available;
            }
        }

        rpc.Handlers.Gate = action => _registration == RegistrationStatusEnumType.Accepted
            || (_registration == RegistrationStatusEnumType.Pending && AllowedWhilePending.Contains(action));
        rpc.Connected += OnConnectedAsync;
        rpc.Disconnected += () => _disconnectedAt = _time.GetUtcNow();
        RegisterHandlers();
    }

    /// <summary>Raised after the CSMS answered a TransactionEvent (idTokenInfo, running cost, ...).</summary>
    public event Action<TransactionEventRequest, TransactionEventResponse>? TransactionEventAnswered
    {
        add => _sender.TransactionEventAnswered += value;
        remove => _sender.TransactionEventAnswered -= value;
    }

    /// <summary>The port the firmware drives.</summary>
    public TransactionManager Transactions { get; }

    public RegistrationStatusEnumType? Registration => _registration;

    /// <summary>Raised when the CSMS asks for a reset the station accepted; the host restarts the process.</summary>
    public event Action<ResetEnumType>? ResetRequested;

    /// <summary>Boot reason reported in the first BootNotification.</summary>
    public BootReasonEnumType BootReason { get; set; } = BootReasonEnumType.PowerUp;

    /// <summary>A connector status the transaction flow does not produce (e.g. Unavailable while the station shuts
    /// down); sent at once when registered, otherwise reported with every connector on the next boot.</summary>
    public Task ReportConnectorStatusAsync(int evseId, int connectorId, ConnectorStatusEnumType status, CancellationToken cancellationToken) =>
        OnConnectorStatusAsync(evseId, connectorId, status, cancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sender = _sender.RunAsync(cancellationToken);
        var heartbeat = HeartbeatLoopAsync(cancellationToken);
        try
        {
            await _rpc.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await Task.WhenAll(Swallow(sender), Swallow(heartbeat)).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        Transactions.Dispose();
        _sender.Dispose();
    }

    private static async Task Swallow(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task OnConnectedAsync(CancellationToken cancellationToken)
    {
        if (_registration == RegistrationStatusEnumType.Accepted && _rpc.ActiveEndpoint?.Slot != _registeredSlot)
        {
            // B10.FR.10: connected through another network profile (maybe another CSMS): register there first.
            _registration = null;
        }

        if (_registration != RegistrationStatusEnumType.Accepted)
        {
            await BootAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // Back online after a registration: report every connector when the outage exceeded OfflineThreshold (B04).
        var offlineFor = _disconnectedAt is { } at ? _time.GetUtcNow() - at : TimeSpan.Zero;
        if (offlineFor > TimeSpan.FromSeconds(_deviceModel.GetInt("OCPPCommCtrlr", "OfflineThreshold")))
        {
            await SendAllStatusAsync(cancellationToken).ConfigureAwait(false);
        }

        _sender.Wake();
    }

    private async Task BootAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && _rpc.IsConnected)
        {
            var result = await _rpc.CallAsync<BootNotificationRequest, BootNotificationResponse>(new BootNotificationRequest
            {
                Reason = BootReason,
                ChargingStation = new ChargingStationType
                {
                    Model = _layout.Model,
                    VendorName = _layout.VendorName,
                    SerialNumber = _layout.SerialNumber,
                    FirmwareVersion = _layout.FirmwareVersion,
                },
            }, cancellationToken).ConfigureAwait(false);

            var retry = TimeSpan.FromSeconds(30);
            if (result.IsSuccess)
            {
                var response = result.Response!;
                _registration = response.Status;
                var statusName = response.Status.ToWire();
                LogBoot(statusName, response.Interval);
                if (response.Status == RegistrationStatusEnumType.Accepted)
                {
                    _registeredSlot = _rpc.ActiveEndpoint?.Slot;
                    // B01.FR.04: the interval of an Accepted boot is the heartbeat interval.
                    if (response.Interval > 0)
                    {
                        _deviceModel.SetInternal("OCPPCommCtrlr", "HeartbeatInterval", response.Interval.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    await SendAllStatusAsync(cancellationToken).ConfigureAwait(false);
                    _sender.Wake();
                    return;
                }

                // B02/B03: Pending or Rejected: retry after the interval (the station picks one when it is 0).
                if (response.Interval > 0)
                {
                    retry = TimeSpan.FromSeconds(response.Interval);
                }
            }

            await Task.Delay(retry, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        // Re-reads HeartbeatInterval every second so a new value (boot response, SetVariables) applies at once.
        var last = _time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), _time, cancellationToken).ConfigureAwait(false);
            var interval = TimeSpan.FromSeconds(Math.Max(1, _deviceModel.GetInt("OCPPCommCtrlr", "HeartbeatInterval")));
            if (_registration != RegistrationStatusEnumType.Accepted || !_rpc.IsConnected)
            {
                last = _time.GetTimestamp();
            }
            else if (_time.GetElapsedTime(last) >= interval)
            {
                last = _time.GetTimestamp();
                await _rpc.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task OnConnectorStatusAsync(int evseId, int connectorId, ConnectorStatusEnumType status, CancellationToken cancellationToken)
    {
        if (_deviceModel.GetString("Connector", "AvailabilityState", evseId: evseId, connectorId: connectorId) == "Unavailable" && status != ConnectorStatusEnumType.Faulted)
        {
            status = ConnectorStatusEnumType.Unavailable;
        }

        if (_status.TryGetValue((evseId, connectorId), out var previous) && previous == status)
        {
            return;
        }

        _status[(evseId, connectorId)] = status;
        await SendStatusAsync(evseId, connectorId, status, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendAllStatusAsync(CancellationToken cancellationToken)
    {
        foreach (var ((evse, connector), status) in _status.OrderBy(p => p.Key))
        {
            await SendStatusAsync(evse, connector, status, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendStatusAsync(int evseId, int connectorId, ConnectorStatusEnumType status, CancellationToken cancellationToken)
    {
        if (_registration != RegistrationStatusEnumType.Accepted || !_rpc.IsConnected)
        {
            return; // Not queued: the current state is reported when the link is back.
        }

        await _rpc.CallAsync<StatusNotificationRequest, StatusNotificationResponse>(new StatusNotificationRequest
        {
            Timestamp = _time.GetUtcNow(),
            ConnectorStatus = status,
            EvseId = evseId,
            ConnectorId = connectorId,
        }, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "BootNotification answered {Status} (interval {Interval} s)")]
    private partial void LogBoot(string status, int interval);
}
