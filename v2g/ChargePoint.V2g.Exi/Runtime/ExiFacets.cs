namespace ChargePoint.V2g.Exi;

/// <summary>Facet and structure checks the generated encoders call; each failure is an <see cref="ExiException"/>.</summary>
public static class ExiFacets
{
    public static uint Enumeration(uint index, int count, string name) =>
        index < (uint)count ? index : throw new ExiException($"{name}: enumeration value {index} is not declared.");

    public static void MaxLength(string value, int maxLength, string name)
    {
        if (value.Length > maxLength && ExiCodePoints.CountCodePoints(value) > maxLength)
        {
            throw new ExiException($"{name}: {value.Length} characters exceed maxLength {maxLength}.");
        }
    }

    public static void MaxLength(byte[] value, int maxLength, string name)
    {
        if (value.Length > maxLength)
        {
            throw new ExiException($"{name}: {value.Length} bytes exceed maxLength {maxLength}.");
        }
    }

    public static string MinLength(string value, int minLength, string name) =>
        ExiCodePoints.CountCodePoints(value) >= minLength ? value : throw new ExiException($"{name}: {value.Length} characters are fewer than minLength {minLength}.");

    public static byte[] MinLength(byte[] value, int minLength, string name) =>
        value.Length >= minLength ? value : throw new ExiException($"{name}: {value.Length} bytes are fewer than minLength {minLength}.");

    public static void ThrowRange(string name, object value) =>
        throw new ExiException($"{name}: value {value} is outside the range the schema allows.");

    public static void Occurrences(int count, int min, int max, bool optional, string name)
    {
        if (count > max || (count < min && !(optional && count == 0)))
        {
            throw new ExiException($"{name}: {count} items, the schema allows {min}..{max}.");
        }
    }

    public static void Choice(int present, bool optional, string alternatives)
    {
        if (present > 1 || (present == 0 && !optional))
        {
            throw new ExiException($"Exactly one of {alternatives} must be set ({present} are).");
        }
    }

    /// <summary>Text segments of a mixed element must come in the order of their positions.</summary>
    public static ExiException TextOrder(int position) =>
        new($"Text segment at position {position} is out of order; segments must be sorted by position.");

    /// <summary>After the last child every segment must have been written: none may lie beyond the children.</summary>
    public static void TextPositions(List<ExiTextSegment> text, int written, int children)
    {
        if (written < text.Count)
        {
            throw new ExiException($"Text segment at position {text[written]?.Position} lies beyond the {children} child elements.");
        }
    }

    public static ExiException Missing(string name) => new($"{name} is required by the schema but not set.");

    public static ExiException GrammarViolation(int state) =>
        new($"Message does not fit the schema grammar (state {state}); a required element may be missing.");

    public static ExiException Unsupported(string what) => new($"EXI {what} is not supported.");
}
