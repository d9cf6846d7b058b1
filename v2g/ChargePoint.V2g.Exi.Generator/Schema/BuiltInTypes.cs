using System;

namespace ChargePoint.V2g.Exi.Generator.Schema;

/// <summary>The XML Schema built-in types the V2G schemas use, with the bounds of their value spaces.</summary>
internal static class BuiltInTypes
{
    public static SimpleInfo Create(string local)
    {
        switch (local)
        {
            case "boolean":
                return new SimpleInfo { Kind = ValueKind.Boolean, CsType = "bool" };
            case "byte":
                return Integer("sbyte", sbyte.MinValue, sbyte.MaxValue);
            case "unsignedByte":
                return Integer("byte", byte.MinValue, byte.MaxValue);
            case "short":
                return Integer("short", short.MinValue, short.MaxValue);
            case "unsignedShort":
                return Integer("ushort", ushort.MinValue, ushort.MaxValue);
            case "int":
                return Integer("int", int.MinValue, int.MaxValue);
            case "unsignedInt":
                return Integer("uint", uint.MinValue, uint.MaxValue);
            case "long":
                return Integer("long", long.MinValue, long.MaxValue);
            case "unsignedLong":
            case "nonNegativeInteger":
                return Integer("ulong", ulong.MinValue, ulong.MaxValue);
            case "positiveInteger":
                var positive = Integer("ulong", ulong.MinValue, ulong.MaxValue);
                positive.Min = 1;
                return positive;
            case "integer":
                // Unbounded in XSD and in EXI (§7.1.5): xmldsig X509SerialNumber holds serial numbers
                // beyond 64 bits, so the model uses BigInteger and facets are checked only where declared.
                return new SimpleInfo { Kind = ValueKind.Integer, CsType = SimpleInfo.BigIntegerType, TypeMin = decimal.MinValue, TypeMax = decimal.MaxValue };
            case "string":
            case "anyURI":
            case "ID":
            case "IDREF":
            case "NCName":
            case "Name":
            case "token":
            case "normalizedString":
            case "NMTOKEN":
            case "language":
                return new SimpleInfo { Kind = ValueKind.String, CsType = "string" };
            case "hexBinary":
                return new SimpleInfo { Kind = ValueKind.Binary, CsType = "byte[]", IsHex = true };
            case "base64Binary":
                return new SimpleInfo { Kind = ValueKind.Binary, CsType = "byte[]" };
            default:
                throw new InvalidOperationException("Unsupported XML Schema built-in type xs:" + local);
        }
    }

    private static SimpleInfo Integer(string csType, decimal min, decimal max) =>
        new SimpleInfo { Kind = ValueKind.Integer, CsType = csType, Min = min, Max = max, TypeMin = min, TypeMax = max };

    public static SimpleInfo Copy(SimpleInfo source)
    {
        var copy = new SimpleInfo
        {
            Kind = source.Kind,
            CsType = source.CsType,
            Min = source.Min,
            Max = source.Max,
            TypeMin = source.TypeMin,
            TypeMax = source.TypeMax,
            MaxLength = source.MaxLength,
            MinLength = source.MinLength,
            IsHex = source.IsHex,
        };
        copy.EnumValues.AddRange(source.EnumValues);
        return copy;
    }
}
