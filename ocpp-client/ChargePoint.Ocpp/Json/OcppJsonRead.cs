using System.Text.Json;

namespace ChargePoint.Ocpp.Json;

/// <summary>Helpers for the generated readers.</summary>
public static class OcppJsonRead
{
    public static IReadOnlyList<T> Array<T>(JsonElement element, Func<JsonElement, T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        var result = new T[element.GetArrayLength()];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            result[i++] = readItem(item);
        }

        return result;
    }

    /// <summary>Collects the members of an open object (CustomData) that the schema does not name.</summary>
    public static IReadOnlyDictionary<string, JsonElement>? Unknown(JsonElement element, string[] known)
    {
        Dictionary<string, JsonElement>? extra = null;
        foreach (var property in element.EnumerateObject())
        {
            if (System.Array.IndexOf(known, property.Name) < 0)
            {
                extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                extra[property.Name] = property.Value.Clone();
            }
        }

        return extra;
    }
}
