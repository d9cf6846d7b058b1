using System.Globalization;
using System.Text.Json;

namespace ChargePoint.Ocpp.Json;

/// <summary>Primitive checks called by the generated validators (one per JSON-schema keyword family).</summary>
public static class OcppJsonChecks
{
    public static void String(JsonElement element, OcppValidationContext context, int? maxLength)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (element.ValueKind != JsonValueKind.String)
        {
            context.Report(OcppErrorCode.TypeConstraintViolation, "expected a string");
            return;
        }

        if (maxLength is { } max && CodePoints(element.GetString()!) > max)
        {
            context.Report(OcppErrorCode.PropertyConstraintViolation, $"longer than maxLength {max}");
        }
    }

    public static void DateTime(JsonElement element, OcppValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (element.ValueKind != JsonValueKind.String)
        {
            context.Report(OcppErrorCode.TypeConstraintViolation, "expected a date-time string");
        }
        else if (!IsRfc3339(element.GetString()!))
        {
            context.Report(OcppErrorCode.TypeConstraintViolation, "not an RFC 3339 date-time");
        }
    }

    public static void Integer(JsonElement element, OcppValidationContext context, double? minimum, double? maximum)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
        {
            context.Report(OcppErrorCode.TypeConstraintViolation, "expected a 32-bit integer");
            return;
        }

        Bounds(value, context, minimum, maximum);
    }

    public static void Number(JsonElement element, OcppValidationContext context, double? minimum, double? maximum)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            context.Report(OcppErrorCode.TypeConstraintViolation, "expected a number");
            return;
        }

        Bounds(value, context, minimum, maximum);
    }

    public static void Boolean(JsonElement element, OcppValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            context.Report(OcppErrorCode.TypeConstraintViolation, "expected a boolean");
        }
    }

    /// <summary>Checks type and item count; returns whether the items should be checked too.</summary>
    public static bool Array(JsonElement element, OcppValidationContext context, int? minItems, int? maxItems)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (element.ValueKind != JsonValueKind.Array)
        {
            context.Report(OcppErrorCode.TypeConstraintViolation, "expected an array");
            return false;
        }

        var count = element.GetArrayLength();
        if (count < (minItems ?? 0))
        {
            context.Report(OcppErrorCode.OccurrenceConstraintViolation, $"fewer than minItems {minItems}");
        }
        else if (maxItems is { } max && count > max)
        {
            context.Report(OcppErrorCode.OccurrenceConstraintViolation, $"more than maxItems {max}");
        }

        return true;
    }

    private static void Bounds(double value, OcppValidationContext context, double? minimum, double? maximum)
    {
        if (value < minimum)
        {
            context.Report(OcppErrorCode.PropertyConstraintViolation, $"below minimum {minimum.Value.ToString(CultureInfo.InvariantCulture)}");
        }
        else if (value > maximum)
        {
            context.Report(OcppErrorCode.PropertyConstraintViolation, $"above maximum {maximum.Value.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>JSON-schema maxLength counts code points, not UTF-16 units.</summary>
    private static int CodePoints(string s)
    {
        var count = s.Length;
        foreach (var c in s)
        {
            if (char.IsLowSurrogate(c))
            {
                count--;
            }
        }

        return count;
    }

    /// <summary>RFC 3339 date-time as JSON schema "format": "date-time" defines it: full date, 'T', time, zone.</summary>
    private static bool IsRfc3339(string s)
    {
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        var last = s[^1];
        var hasZone = last is 'Z' or 'z' || (s.Length >= 25 && s[^3] == ':' && s[^6] is '+' or '-');
        return hasZone && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);
    }
}
