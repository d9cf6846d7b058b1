using System.Globalization;
using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Ocpp.DeviceModel;

/// <summary>Checks a SetVariables value against the variable's data type, limits and values list.</summary>
public static class VariableValueRules
{
    /// <summary>Returns why <paramref name="value"/> is not acceptable, or null.</summary>
    public static string? Check(VariableDeclaration declaration, string value)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(value);
        if (declaration is { Component.Name: "SecurityCtrlr", Variable: "BasicAuthPassword" } && value.Length is < Rpc.OcppConnectionRules.MinPasswordLength or > Rpc.OcppConnectionRules.MaxPasswordLength)
        {
            return $"password must be {Rpc.OcppConnectionRules.MinPasswordLength}..{Rpc.OcppConnectionRules.MaxPasswordLength} characters";
        }

        switch (declaration.DataType)
        {
            case DataEnumType.Integer:
                return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? Limits(declaration, i) : "not an integer";
            case DataEnumType.Decimal:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? Limits(declaration, d) : "not a decimal";
            case DataEnumType.Boolean:
                return value is "true" or "false" ? null : "not a boolean (true/false)";
            case DataEnumType.DateTime:
                return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) ? null : "not a date-time";
            case DataEnumType.OptionList:
                return Allowed(declaration).Contains(value) ? null : "not one of " + declaration.ValuesList;
            case DataEnumType.MemberList:
            case DataEnumType.SequenceList:
                var allowed = Allowed(declaration);
                var members = value.Split(',', StringSplitOptions.TrimEntries);
                return value.Length == 0 || members.All(allowed.Contains) ? null : "members must be from " + declaration.ValuesList;
            default:
                return value.Length <= 1000 ? null : "longer than 1000 characters";
        }
    }

    private static HashSet<string> Allowed(VariableDeclaration declaration) =>
        new((declaration.ValuesList ?? string.Empty).Split(',', StringSplitOptions.TrimEntries), StringComparer.Ordinal);

    private static string? Limits(VariableDeclaration declaration, double value) =>
        value < declaration.MinLimit ? $"below {declaration.MinLimit}" : value > declaration.MaxLimit ? $"above {declaration.MaxLimit}" : null;
}
