using ChargePoint.Ocpp.Authorization;
using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Network;
using ChargePoint.Ocpp.Queue;
using ChargePoint.Ocpp.Rpc;
using ChargePoint.Ocpp.SmartCharging;
using ChargePoint.Ocpp.SmartCharging.Wire;
using ChargePoint.Ocpp.Storage;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Station;

/// <summary>
/// Everything the OCPP client needs, wired together over one storage directory: database, device model,
/// durable outbox, RPC client and station logic. The firmware host and the tests build the same object.
/// </summary>
public sealed class OcppStationRuntime : IAsyncDisposable
{
    public OcppStationRuntime(OcppRpcOptions options, string storagePath, StationLayout layout, TimeProvider time, ILoggerFactory loggers, int outboxCapacity = 10_000)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        Database = new StationDatabase(storagePath);
        var secrets = new SecretStore(storagePath); // one instance: the file is rewritten whole on every change
        DeviceModel = new DeviceModelService(StationDeviceModel.Declare(layout, options.SecurityProfile, options.StationId), new DeviceModelStore(Database, secrets), time);
        NetworkProfiles = new NetworkProfiles(new NetworkProfileStore(Database, secrets), DeviceModel, options, loggers.CreateLogger<NetworkProfiles>());

        // A password set by the CSMS (SetVariables SecurityCtrlr.BasicAuthPassword, A01) wins over the configured one.
        if (NetworkProfiles.LocalPassword(DeviceModel.GetStoredSecret("SecurityCtrlr", "BasicAuthPassword")) is { Length: > 0 } stored)
        {
            options.BasicAuthPassword = stored;
        }

        Outbox = new DurableOutbox(Database, outboxCapacity);
        Rpc = new OcppRpcClient(options, time, loggers.CreateLogger<OcppRpcClient>(), NetworkProfiles.Plan);
        NetworkProfiles.Register(Rpc.Handlers);
        Station = new OcppStation(Rpc, DeviceModel, Outbox, layout, time, loggers.CreateLogger<OcppStation>(), new OpenTransactionStore(Database));
        var profiles = new ChargingProfileStore(new SqliteChargingProfilePersistence(
            Path.Combine(storagePath, ProfilesFileName), loggers.CreateLogger<SqliteChargingProfilePersistence>()),
            DeviceModelSmartChargingStation.PersistencePolicy(DeviceModel));
        SmartCharging = new SmartChargingHandlers(
            Rpc, profiles, new DeviceModelSmartChargingStation(DeviceModel, layout, Station.Transactions.TransactionId, time), time, loggers.CreateLogger<SmartChargingHandlers>());
        SmartCharging.Register(Rpc.Handlers);
        V2x = new V2xMessages(Rpc, SmartCharging, Station.Transactions.TransactionId, layout.EvseCount, time, loggers.CreateLogger<V2xMessages>());
        V2x.Register(Rpc.Handlers);
        Authorization = new OcppAuthorizer(Rpc, DeviceModel, new LocalAuthorizationList(Database, DeviceModel), new AuthorizationCache(Database, DeviceModel, time),
            loggers.CreateLogger<OcppAuthorizer>());
        Authorization.Register(Rpc.Handlers);
        RemoteTransactions = new RemoteTransactionHandlers(Station.Transactions, Authorization, DeviceModel, layout, loggers.CreateLogger<RemoteTransactionHandlers>(), SmartCharging);
        RemoteTransactions.Register(Rpc.Handlers);
        Station.TransactionEventAnswered += OnTransactionEventAnswered;
        AlignedMeterValues = new AlignedMeterValues(Station.Transactions, DeviceModel, Outbox, Rpc, time, loggers.CreateLogger<AlignedMeterValues>());
        SecurityEvents = new SecurityEventReporter(Outbox, Rpc, time, loggers.CreateLogger<SecurityEventReporter>());
        Events = new EventNotifications(Outbox, time, loggers.CreateLogger<EventNotifications>());
        SecurityEvents.Report(SecurityEventReporter.StartupOfTheDevice);
        DeviceModel.Changed += (declaration, _) =>
        {
            if (declaration.Component.Name == "SecurityCtrlr")
            {
                // The value itself is never reported: it may be a password.
                SecurityEvents.Report(SecurityEventReporter.ReconfigurationOfSecurityParameters, declaration.Key);
            }
        };
    }

    /// <summary>
    /// Raised when the CSMS deauthorized the token of a running transaction in a TransactionEvent answer; with
    /// TxCtrlr.StopTxOnInvalidId the transaction has been ended (Deauthorized) and the firmware stops the energy.
    /// </summary>
    public event Action<int, string>? TransactionDeauthorized;

    /// <summary>B09/B10: network connection profiles and which one each connection attempt uses.</summary>
    public NetworkProfiles NetworkProfiles { get; }

    /// <summary>J01: clock-aligned meter values.</summary>
    public AlignedMeterValues AlignedMeterValues { get; }

    /// <summary>N07: NotifyEvent for the station's hard-wired alerts, queued durably (delivered after an outage).</summary>
    public EventNotifications Events { get; }

    /// <summary>A04: security events the client detects, queued durably.</summary>
    public SecurityEventReporter SecurityEvents { get; }

    /// <summary>Block C/D: the firmware's single authorization call, the cache and the local list.</summary>
    public OcppAuthorizer Authorization { get; }

    /// <summary>Block F: RequestStartTransaction / RequestStopTransaction, raised as events for the firmware.</summary>
    public RemoteTransactionHandlers RemoteTransactions { get; }

    /// <summary>The charging profiles' SQLite file next to the station database.</summary>
    public const string ProfilesFileName = "chargepoint-profiles.db";

    /// <summary>Block K: installed profiles and the composite schedule the firmware's charge loop follows.</summary>
    public SmartChargingHandlers SmartCharging { get; }

    public StationDatabase Database { get; }

    public DeviceModelService DeviceModel { get; }

    public DurableOutbox Outbox { get; }

    public OcppRpcClient Rpc { get; }

    public OcppStation Station { get; }

    /// <summary>Block Q messages beyond SetChargingProfile (AFRR, priority charging, allowed energy transfer, pulls).</summary>
    public V2xMessages V2x { get; }

    /// <summary>Runs the station until cancelled; cancellation ends every loop quietly, as before the V2X and aligned loops existed.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(
        Station.RunAsync(cancellationToken), UntilCancelled(V2x.RunAsync(cancellationToken), cancellationToken), UntilCancelled(AlignedMeterValues.RunAsync(cancellationToken), cancellationToken));

    private static async Task UntilCancelled(Task loop, CancellationToken cancellationToken)
    {
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>C10: idTokenInfo in a TransactionEvent answer updates the cache; E05: a refused token stops the transaction.</summary>
    private void OnTransactionEventAnswered(Messages.TransactionEventRequest request, Messages.TransactionEventResponse response)
    {
        if (response.IdTokenInfo is not { } info || request.IdToken is not { } token)
        {
            return;
        }

        Authorization.Learn(token, info);
        var transactionId = request.TransactionInfo.TransactionId;
        if (info.Status != Messages.AuthorizationStatusEnumType.Accepted && request.EventType != Messages.TransactionEventEnumType.Ended
            && Station.Transactions.EvseOf(transactionId) is { } evse)
        {
            if (DeviceModel.GetBool("TxCtrlr", "StopTxOnInvalidId"))
            {
                _ = Station.Transactions.StopTransactionAsync(evse, Messages.ReasonEnumType.DeAuthorized, CancellationToken.None);
            }

            TransactionDeauthorized?.Invoke(evse, transactionId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Station.Dispose();
        await Rpc.DisposeAsync().ConfigureAwait(false);
        Database.Dispose();
    }
}
