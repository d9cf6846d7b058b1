using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Ocpp.DeviceModel;

/// <summary>
/// GetReport's componentCriteria (B08): "criteria for components for which a report is requested". A component
/// matches a criterion when it has the variable of that name with the value true (Active, Available, Enabled,
/// Problem); an Enabled component also counts as Available (appendix: Available cannot be false if Enabled is true).
/// Several criteria: a component matching any of them is reported, with all its variables the filter selects.
/// </summary>
public static class ComponentCriteria
{
    /// <summary>The items of <paramref name="selected"/> whose component matches, judged on the whole <paramref name="inventory"/>.</summary>
    public static IEnumerable<ReportDataType> Apply(IEnumerable<ReportDataType> selected, IReadOnlyCollection<ReportDataType> inventory, IReadOnlyList<ComponentCriterionEnumType>? criteria)
    {
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(inventory);
        if (criteria is null || criteria.Count == 0)
        {
            return selected;
        }

        var names = criteria.Select(c => c.ToWire()).ToHashSet(StringComparer.Ordinal);
        if (names.Contains("Available"))
        {
            names.Add("Enabled");
        }

        var matching = inventory
            .Where(i => i.Variable.Instance is null && names.Contains(i.Variable.Name) && i.VariableAttribute[0].Value == "true")
            .Select(i => Key(i.Component))
            .ToHashSet();
        return selected.Where(i => matching.Contains(Key(i.Component)));
    }

    private static (string, string?, int?, int?) Key(ComponentType component) => (component.Name, component.Instance, component.Evse?.Id, component.Evse?.ConnectorId);
}
