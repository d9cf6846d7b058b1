namespace ChargePoint.V2g.Exi;

/// <summary>Code-point arithmetic shared by the bit reader and writer (EXI string lengths count code points).</summary>
internal static class ExiCodePoints
{
    public static int CountCodePoints(string value)
    {
        var count = value.Length;
        for (var i = 0; i < value.Length - 1; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }
}
