using System.Collections.Frozen;
using System.Globalization;
using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Ocpp.DeviceModel;

/// <summary>
/// The live device model: declared variables with their current Actual values, persisted on change. Serves
/// GetVariables (B06), SetVariables (B05) and the report bases of GetBaseReport (B07).
/// </summary>
public sealed class DeviceModelService
{
    private readonly IReadOnlyList<VariableDeclaration> _declarations;
    private readonly FrozenDictionary<string, VariableDeclaration> _byKey;
    private readonly DeviceModelStore? _store;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, Func<string, VariableRefusal?>> _guards = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public DeviceModelService(IReadOnlyList<VariableDeclaration> declarations, DeviceModelStore? store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        _declarations = declarations;
        _byKey = declarations.ToFrozenDictionary(d => d.Key, StringComparer.Ordinal);
        _store = store;
        _time = time;
        _values = declarations.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        foreach (var (key, value) in store?.LoadAll() ?? new Dictionary<string, string>())
        {
            if (_values.ContainsKey(key))
            {
                _values[key] = value;
            }
        }

        // A secret an older version kept in the database moves to the secrets file.
        foreach (var secret in declarations.Where(d => d.Mutability == MutabilityEnumType.WriteOnly && store?.HasPlainValue(d.Key) == true))
        {
            store!.Save(secret.Key, _values[secret.Key], secret: true);
        }
    }

    /// <summary>Raised after a value changed (through SetVariables or <see cref="SetInternal"/>).</summary>
    public event Action<VariableDeclaration, string>? Changed;

    /// <summary>Raised after a SetVariables of the CSMS changed a value (after <see cref="Changed"/>); not for
    /// values the station sets itself.</summary>
    public event Action<VariableDeclaration, string>? ChangedByCsms;

    /// <summary>
    /// Adds a check a SetVariables value must pass after the generic rules (type, limits, values list), for rules
    /// that depend on other state (e.g. NetworkConfigurationPriority may only name configured slots, A05.FR.10).
    /// </summary>
    public void Guard(string component, string variable, Func<string, VariableRefusal?> check, string? instance = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        var declaration = Require(new ComponentAddress(component), variable, instance);
        lock (_gate)
        {
            _guards[declaration.Key] = check;
        }
    }

    public IReadOnlyList<VariableDeclaration> Declarations => _declarations;

    public string GetString(string component, string variable, string? instance = null, int? evseId = null, int? connectorId = null) =>
        Value(Require(new ComponentAddress(component, null, evseId, connectorId), variable, instance));

    public int GetInt(string component, string variable, string? instance = null, int? evseId = null) =>
        int.Parse(GetString(component, variable, instance, evseId), CultureInfo.InvariantCulture);

    public bool GetBool(string component, string variable, string? instance = null, int? evseId = null) =>
        GetString(component, variable, instance, evseId) == "true";

    public IReadOnlyList<string> GetList(string component, string variable, string? instance = null, int? evseId = null) =>
        GetString(component, variable, instance, evseId).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Reads a WriteOnly value (a secret) for the station's own use; never served to the CSMS.</summary>
    public string GetStoredSecret(string component, string variable)
    {
        var declaration = Require(new ComponentAddress(component), variable, null);
        lock (_gate)
        {
            return _values[declaration.Key];
        }
    }

    /// <summary>A value the station itself maintains (HeartbeatInterval from boot, AvailabilityState, ...). Persisted.</summary>
    public void SetInternal(string component, string variable, string value, string? instance = null, int? evseId = null, int? connectorId = null) =>
        Store(Require(new ComponentAddress(component, null, evseId, connectorId), variable, instance), value);

    public GetVariableResultType Get(GetVariableDataType request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new GetVariableResultType
        {
            Component = request.Component,
            Variable = request.Variable,
            AttributeType = request.AttributeType,
            AttributeStatus = GetVariableStatusEnumType.Accepted,
        };
        var (status, declaration) = Find(request.Component, request.Variable);
        if (declaration is null)
        {
            return result with { AttributeStatus = status == GetVariableStatusEnumType.UnknownComponent ? GetVariableStatusEnumType.UnknownComponent : GetVariableStatusEnumType.UnknownVariable };
        }

        if (request.AttributeType is { } type && type != AttributeEnumType.Actual)
        {
            return result with { AttributeStatus = GetVariableStatusEnumType.NotSupportedAttributeType };
        }

        // B06.FR.?: a WriteOnly variable (a password) is never disclosed.
        return declaration.Mutability == MutabilityEnumType.WriteOnly
            ? result with { AttributeStatus = GetVariableStatusEnumType.Rejected }
            : result with { AttributeValue = Value(declaration) };
    }

    public SetVariableResultType Set(SetVariableDataType request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new SetVariableResultType
        {
            Component = request.Component,
            Variable = request.Variable,
            AttributeType = request.AttributeType,
            AttributeStatus = SetVariableStatusEnumType.Accepted,
        };
        var (status, declaration) = Find(request.Component, request.Variable);
        if (declaration is null)
        {
            return result with { AttributeStatus = status == GetVariableStatusEnumType.UnknownComponent ? SetVariableStatusEnumType.UnknownComponent : SetVariableStatusEnumType.UnknownVariable };
        }

        if (request.AttributeType is { } type && type != AttributeEnumType.Actual)
        {
            return result with { AttributeStatus = SetVariableStatusEnumType.NotSupportedAttributeType };
        }

        if (declaration.Mutability == MutabilityEnumType.ReadOnly)
        {
            return Rejected(result, "ReadOnly", "variable is read-only");
        }

        if (VariableValueRules.Check(declaration, request.AttributeValue) is { } problem)
        {
            return Rejected(result, "InvalidValue", problem);
        }

        Func<string, VariableRefusal?>? guard;
        lock (_gate)
        {
            _guards.TryGetValue(declaration.Key, out guard);
        }

        if (guard?.Invoke(request.AttributeValue) is { } refusal)
        {
            return Rejected(result, refusal.ReasonCode, refusal.Detail);
        }

        Store(declaration, request.AttributeValue);
        ChangedByCsms?.Invoke(declaration, request.AttributeValue);
        return result with { AttributeStatus = declaration.RebootRequired ? SetVariableStatusEnumType.RebootRequired : SetVariableStatusEnumType.Accepted };
    }

    /// <summary>The variables of a report base, as NotifyReport items.</summary>
    public IEnumerable<ReportDataType> Report(ReportBaseEnumType reportBase)
    {
        foreach (var d in _declarations)
        {
            var include = reportBase switch
            {
                ReportBaseEnumType.ConfigurationInventory => d.Mutability != MutabilityEnumType.ReadOnly,
                ReportBaseEnumType.SummaryInventory => d.Variable is "AvailabilityState" or "Available" or "Problem" or "Tripped" or "Overload" or "Fallback",
                _ => true,
            };
            if (include)
            {
                yield return ToReportData(d);
            }
        }
    }

    /// <summary>Report items matching GetReport criteria / component-variable filters (B08).</summary>
    public IEnumerable<ReportDataType> Report(IReadOnlyList<ComponentVariableType>? filter)
    {
        foreach (var d in _declarations)
        {
            if (filter is null || filter.Count == 0 || filter.Any(f => Matches(d.Component, f.Component) && (f.Variable is null || (f.Variable.Name == d.Variable && (f.Variable.Instance is null || f.Variable.Instance == d.Instance)))))
            {
                yield return ToReportData(d);
            }
        }
    }

    private static bool Matches(ComponentAddress address, ComponentType component) =>
        address.Name == component.Name && address.Instance == component.Instance
        && (component.Evse is null || (address.EvseId == component.Evse.Id && (component.Evse.ConnectorId is null || address.ConnectorId == component.Evse.ConnectorId)));

    private static SetVariableResultType Rejected(SetVariableResultType result, string reason, string detail) =>
        result with { AttributeStatus = SetVariableStatusEnumType.Rejected, AttributeStatusInfo = new StatusInfoType { ReasonCode = reason, AdditionalInfo = detail } };

    private ReportDataType ToReportData(VariableDeclaration d) => new()
    {
        Component = new ComponentType
        {
            Name = d.Component.Name,
            Instance = d.Component.Instance,
            Evse = d.Component.EvseId is { } evse ? new EVSEType { Id = evse, ConnectorId = d.Component.ConnectorId } : null,
        },
        Variable = new VariableType { Name = d.Variable, Instance = d.Instance },
        VariableAttribute =
        [
            new VariableAttributeType
            {
                Type = AttributeEnumType.Actual,
                Value = d.Mutability == MutabilityEnumType.WriteOnly ? null : Value(d),
                Mutability = d.Mutability,
                Persistent = true,
                Constant = d.Mutability == MutabilityEnumType.ReadOnly,
            },
        ],
        VariableCharacteristics = new VariableCharacteristicsType
        {
            DataType = d.DataType,
            SupportsMonitoring = false,
            Unit = d.Unit,
            ValuesList = d.ValuesList,
            MaxLimit = d.MaxLimit,
            MinLimit = d.MinLimit,
        },
    };

    private (GetVariableStatusEnumType Status, VariableDeclaration? Declaration) Find(ComponentType component, VariableType variable)
    {
        var address = new ComponentAddress(component.Name, component.Instance, component.Evse?.Id, component.Evse?.ConnectorId);
        if (_byKey.TryGetValue(new VariableDeclaration(address, variable.Name, variable.Instance, default, default, string.Empty).Key, out var declaration))
        {
            return (GetVariableStatusEnumType.Accepted, declaration);
        }

        var componentKnown = _declarations.Any(d => d.Component == address);
        return (componentKnown ? GetVariableStatusEnumType.UnknownVariable : GetVariableStatusEnumType.UnknownComponent, null);
    }

    private VariableDeclaration Require(ComponentAddress address, string variable, string? instance)
    {
        var key = new VariableDeclaration(address, variable, instance, default, default, string.Empty).Key;
        return _byKey.TryGetValue(key, out var declaration) ? declaration : throw new KeyNotFoundException("Device model has no " + key);
    }

    private string Value(VariableDeclaration declaration)
    {
        if (declaration is { Component.Name: "ClockCtrlr", Variable: "DateTime" })
        {
            return _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        lock (_gate)
        {
            return _values[declaration.Key];
        }
    }

    private void Store(VariableDeclaration declaration, string value)
    {
        lock (_gate)
        {
            _values[declaration.Key] = value;
        }

        _store?.Save(declaration.Key, value, secret: declaration.Mutability == MutabilityEnumType.WriteOnly);
        Changed?.Invoke(declaration, value);
    }
}
