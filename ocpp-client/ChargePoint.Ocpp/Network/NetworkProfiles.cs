using System.Globalization;
using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Network;

/// <summary>
/// The station's network connection profiles (B09/B10): slot 0 is the local configuration (Ocpp:* keys), slots 1
/// and 2 hold what the CSMS set with SetNetworkProfile. Serves SetNetworkProfile, checks SetVariables of
/// OCPPCommCtrlr.NetworkConfigurationPriority, and drives connection management through <see cref="Plan"/>.
/// Passwords: a slot's own basicAuthPassword, otherwise the one in use when the profile was set (B09.FR.16);
/// SecurityCtrlr.BasicAuthPassword is the password of the active slot, so a SetVariables of it (A01) changes that
/// slot's password (B09.FR.27), and the active profile's identity and security profile become
/// SecurityCtrlr.Identity / SecurityCtrlr.SecurityProfile (B09.FR.28, A05).
/// </summary>
public sealed partial class NetworkProfiles
{
    private readonly NetworkProfileStore _store;
    private readonly DeviceModelService _deviceModel;
    private readonly OcppRpcOptions _options;
    private readonly ILogger _logger;

    public NetworkProfiles(NetworkProfileStore store, DeviceModelService deviceModel, OcppRpcOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(deviceModel);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _deviceModel = deviceModel;
        _options = options;
        _logger = logger;
        var last = int.TryParse(deviceModel.GetString("OCPPCommCtrlr", "ActiveNetworkProfile"), NumberStyles.None, CultureInfo.InvariantCulture, out var slot) ? slot : (int?)null;
        Plan = new NetworkProfileRotation(Priority, () => deviceModel.GetInt("OCPPCommCtrlr", "NetworkProfileConnectionAttempts"), Endpoint, last, Activated, logger);
        deviceModel.Guard("OCPPCommCtrlr", "NetworkConfigurationPriority", CheckPriority);
        deviceModel.ChangedByCsms += (declaration, value) =>
        {
            if (declaration is { Component.Name: "SecurityCtrlr", Variable: "BasicAuthPassword" } && value.Length > 0)
            {
                _store.SetPassword(Plan.Active?.Slot ?? NetworkProfileRules.LocalSlot, value);
            }
        };
    }

    /// <summary>What the RPC client dials, attempt by attempt.</summary>
    public NetworkProfileRotation Plan { get; }

    /// <summary>The slots a profile can be stored in: NetworkConfigurationPriority's valuesList.</summary>
    public IReadOnlyList<int> Slots => ParseSlots(_deviceModel.Declarations
        .Single(d => d is { Component.Name: "OCPPCommCtrlr", Variable: "NetworkConfigurationPriority" }).ValuesList ?? "0");

    /// <summary>OCPPCommCtrlr.NetworkConfigurationPriority, now.</summary>
    public IReadOnlyList<int> Priority() => ParseSlots(_deviceModel.GetString("OCPPCommCtrlr", "NetworkConfigurationPriority"));

    /// <summary>The endpoint a slot describes, or null when it holds no usable profile.</summary>
    public OcppEndpoint? Endpoint(int slot)
    {
        if (slot == NetworkProfileRules.LocalSlot)
        {
            return OcppEndpoint.FromOptions(_options);
        }

        if (_store.Load(slot) is not { } profile)
        {
            return null;
        }

        var identity = profile.Identity ?? _options.StationId;
        var password = _store.Password(slot);
        if (!Uri.TryCreate(profile.OcppCsmsUrl, UriKind.Absolute, out var url)
            || OcppConnectionRules.Problem(url, identity, profile.SecurityProfile, password, _options.ClientCertificate is not null, OcppConnectionRules.ProfileFields) is not null)
        {
            return null;
        }

        return new OcppEndpoint(slot, url, identity, profile.SecurityProfile, password, TimeSpan.FromSeconds(profile.MessageTimeout));
    }

    /// <summary>The password slot 0 dials with: one the CSMS set (A01) wins over the configured Ocpp:BasicAuthPassword.</summary>
    public string? LocalPassword(string? legacyStoredPassword)
    {
        if (_store.Password(NetworkProfileRules.LocalSlot) is { } password)
        {
            return password;
        }

        // Before network profiles a CSMS-set password was kept only as SecurityCtrlr.BasicAuthPassword, for slot 0.
        if (!string.IsNullOrEmpty(legacyStoredPassword) && _store.IsEmpty)
        {
            _store.SetPassword(NetworkProfileRules.LocalSlot, legacyStoredPassword);
            return legacyStoredPassword;
        }

        return null;
    }

    public void Register(OcppRequestHandlers handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        handlers.Handle<SetNetworkProfileRequest, SetNetworkProfileResponse>((request, _) => ValueTask.FromResult(SetNetworkProfile(request)));
    }

    public SetNetworkProfileResponse SetNetworkProfile(SetNetworkProfileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var slot = request.ConfigurationSlot;
        var profile = request.ConnectionData;
        var password = profile.SecurityProfile <= 2 ? profile.BasicAuthPassword ?? ActivePassword() : null;
        var refusal = NetworkProfileRules.Check(slot, profile, [.. Slots], _deviceModel.GetInt("SecurityCtrlr", "SecurityProfile"),
            profile.Identity ?? _options.StationId, password, _options.ClientCertificate is not null);
        if (refusal is not null)
        {
            LogRefused(slot, refusal.ReasonCode, refusal.AdditionalInfo);
            return new SetNetworkProfileResponse
            {
                Status = SetNetworkProfileStatusEnumType.Rejected,
                StatusInfo = new StatusInfoType { ReasonCode = refusal.ReasonCode, AdditionalInfo = refusal.AdditionalInfo },
            };
        }

        try
        {
            _store.Save(slot, profile, password);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            // B09.FR.03: a valid profile that could not be stored.
            LogStoreFailed(slot, ex.Message);
            return new SetNetworkProfileResponse
            {
                Status = SetNetworkProfileStatusEnumType.Failed,
                StatusInfo = new StatusInfoType { ReasonCode = "InternalError", AdditionalInfo = "the profile could not be stored" },
            };
        }

        LogStored(slot, profile.OcppCsmsUrl, profile.SecurityProfile);
        return new SetNetworkProfileResponse { Status = SetNetworkProfileStatusEnumType.Accepted };
    }

    /// <summary>A05.FR.10 / B09.FR.34: the priority may only name distinct slots with a usable profile, none below the active security profile.</summary>
    private VariableRefusal? CheckPriority(string value)
    {
        var slots = ParseSlots(value);
        if (slots.Count == 0 || slots.Distinct().Count() != slots.Count)
        {
            return new VariableRefusal("InvalidValue", "NetworkConfigurationPriority must list one or more distinct configuration slots");
        }

        var active = _deviceModel.GetInt("SecurityCtrlr", "SecurityProfile");
        foreach (var slot in slots)
        {
            if (Endpoint(slot) is not { } endpoint)
            {
                return new VariableRefusal("InvalidNetworkConf", $"configuration slot {slot} holds no usable network connection profile");
            }

            if (endpoint.SecurityProfile < active)
            {
                return new VariableRefusal("NoSecurityDowngrade", $"configuration slot {slot} uses security profile {endpoint.SecurityProfile}, below the active {active}");
            }
        }

        return null;
    }

    private string? ActivePassword() => (Plan.Active ?? Endpoint(NetworkProfileRules.LocalSlot))?.BasicAuthPassword;

    /// <summary>After a successful connection the device model shows the profile in use.</summary>
    private void Activated(OcppEndpoint endpoint)
    {
        SetIfChanged("OCPPCommCtrlr", "ActiveNetworkProfile", endpoint.Slot.ToString(CultureInfo.InvariantCulture));
        SetIfChanged("SecurityCtrlr", "SecurityProfile", endpoint.SecurityProfile.ToString(CultureInfo.InvariantCulture));
        SetIfChanged("SecurityCtrlr", "Identity", endpoint.StationId);
        SetIfChanged("OCPPCommCtrlr", "MessageTimeout", ((int)Math.Ceiling(endpoint.MessageTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture), "Default");
    }

    private void SetIfChanged(string component, string variable, string value, string? instance = null)
    {
        if (_deviceModel.GetString(component, variable, instance) != value)
        {
            _deviceModel.SetInternal(component, variable, value, instance);
        }
    }

    private static List<int> ParseSlots(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var slot) ? slot : -1)
            .Where(slot => slot >= 0)];

    [LoggerMessage(Level = LogLevel.Warning, Message = "SetNetworkProfile for slot {Slot} rejected: {ReasonCode} ({Detail})")]
    private partial void LogRefused(int slot, string reasonCode, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "SetNetworkProfile for slot {Slot} failed: the profile could not be stored ({Reason})")]
    private partial void LogStoreFailed(int slot, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Network profile stored in slot {Slot}: {Url}, security profile {SecurityProfile}")]
    private partial void LogStored(int slot, string url, int securityProfile);
}
