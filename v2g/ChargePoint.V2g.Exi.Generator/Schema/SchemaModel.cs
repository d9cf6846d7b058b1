using System;
using System.Collections.Generic;

namespace ChargePoint.V2g.Exi.Generator.Schema;

/// <summary>An XML qualified name; equality by namespace and local name.</summary>
internal readonly struct QName : IEquatable<QName>, IComparable<QName>
{
    public QName(string ns, string local)
    {
        Ns = ns;
        Local = local;
    }

    public string Ns { get; }

    public string Local { get; }

    public bool Equals(QName other) => string.Equals(Ns, other.Ns, StringComparison.Ordinal) && string.Equals(Local, other.Local, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is QName q && Equals(q);

    public override int GetHashCode() => (Ns.GetHashCode() * 397) ^ Local.GetHashCode();

    /// <summary>EXI order (§8.5.4.1.3): local name first, then namespace URI, by code point.</summary>
    public int CompareTo(QName other)
    {
        var c = string.CompareOrdinal(Local, other.Local);
        return c != 0 ? c : string.CompareOrdinal(Ns, other.Ns);
    }

    public override string ToString() => "{" + Ns + "}" + Local;
}

internal enum ValueKind
{
    Boolean,
    Integer,
    String,
    Binary,
    Enumeration,
}

internal enum IntegerCoding
{
    NBit,
    Unsigned,
    Signed,
}

/// <summary>A simple type with its facets merged along the restriction chain.</summary>
internal sealed class SimpleInfo
{
    public ValueKind Kind { get; set; }

    /// <summary>The C# type keyword or name (sbyte, ushort, string, byte[], bool, or the enum's full name).</summary>
    public string CsType { get; set; } = "";

    public const string BigIntegerType = "global::System.Numerics.BigInteger";

    public bool IsValueType => Kind != ValueKind.String && Kind != ValueKind.Binary;

    /// <summary>xs:integer and its restrictions: unbounded, held as BigInteger.</summary>
    public bool IsBig => CsType == BigIntegerType;

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    /// <summary>The bounds of the built-in C# type, so facet checks are emitted only when narrower.</summary>
    public decimal TypeMin { get; set; }

    public decimal TypeMax { get; set; }

    public int? MaxLength { get; set; }

    public int? MinLength { get; set; }

    public bool IsHex { get; set; }

    public List<string> EnumValues { get; } = new List<string>();

    public IntegerCoding Coding
    {
        get
        {
            if (Min.HasValue && Max.HasValue && Max.Value - Min.Value < 4096)
            {
                return IntegerCoding.NBit;
            }

            return Min.HasValue && Min.Value >= 0 ? IntegerCoding.Unsigned : IntegerCoding.Signed;
        }
    }

    public int NBits => BitMath.BitsFor((int)(Max!.Value - Min!.Value + 1));
}

/// <summary>An element declaration (global or local).</summary>
internal sealed class ElementDecl
{
    public ElementDecl(QName name)
    {
        Name = name;
    }

    public QName Name { get; }

    public bool IsAbstract { get; set; }

    public ComplexInfo? Complex { get; set; }

    public SimpleInfo? Simple { get; set; }

    public QName? SubstitutionHead { get; set; }

    /// <summary>
    /// What makes two declarations of one qname share a grammar (EXI 1.0 §8.5.2): the named type's qname, or the
    /// node of an anonymous type.
    /// </summary>
    public object? TypeIdentity { get; set; }

    public bool Nillable { get; set; }
}

internal sealed class AttributeInfo
{
    public AttributeInfo(QName name, SimpleInfo type, bool required, string propertyName)
    {
        Name = name;
        Type = type;
        Required = required;
        PropertyName = propertyName;
    }

    public QName Name { get; }

    public SimpleInfo Type { get; }

    public bool Required { get; }

    public string PropertyName { get; }
}

internal abstract class Particle
{
    public int Min { get; set; } = 1;

    /// <summary>-1 means unbounded.</summary>
    public int Max { get; set; } = 1;

    public GroupParticle? Parent { get; set; }

    public bool Repeats => Max != 1;
}

internal sealed class GroupParticle : Particle
{
    public bool IsChoice { get; set; }

    public List<Particle> Children { get; } = new List<Particle>();

    /// <summary>Set when this repeated group holds several leaves: its occurrences are items of a list, in order.</summary>
    public ItemGroup? Item { get; set; }
}

/// <summary>
/// A repeated model group with more than one leaf (xmldsig KeyInfo, X509Data, Transform, SPKIData): one generated
/// item class per occurrence, so a list of items keeps the interleaving of its elements.
/// </summary>
internal sealed class ItemGroup
{
    public ItemGroup(GroupParticle group, string csName, string propertyName)
    {
        Group = group;
        CsName = csName;
        PropertyName = propertyName;
    }

    public GroupParticle Group { get; }

    /// <summary>The item class name (in the owning type's C# namespace).</summary>
    public string CsName { get; }

    /// <summary>The owning type's list property.</summary>
    public string PropertyName { get; set; }

    public List<LeafParticle> Leaves { get; } = new List<LeafParticle>();
}

/// <summary>A leaf of the content model: one element declaration, or a wildcard (SE(*)).</summary>
internal sealed class LeafParticle : Particle
{
    public ElementDecl? Element { get; set; }

    public bool IsWildcard => Element is null;

    /// <summary>A wildcard's namespace constraint: null for ##any, the target namespace for ##other.</summary>
    public string? WildcardOtherThan { get; set; }

    /// <summary>The item group the leaf belongs to (its property lives on the item class), or null.</summary>
    public ItemGroup? Item { get; set; }

    /// <summary>Occurrence bounds of a list property (a repeated leaf, or the single leaf of a repeated group); -1 is unbounded.</summary>
    public int ListMin { get; set; }

    public int ListMax { get; set; }

    /// <summary>The C# property that holds this leaf's value(s).</summary>
    public string PropertyName { get; set; } = "";

    /// <summary>Index of this leaf in its type's leaf list (grammar state numbering).</summary>
    public int Index { get; set; }

    /// <summary>True when the property is a List (the leaf or a group above it repeats).</summary>
    public bool IsList { get; set; }

    /// <summary>True when the property may be absent (optional, or inside a choice).</summary>
    public bool IsOptional { get; set; }

    /// <summary>True when a group above the leaf repeats (then item counts are not tracked per leaf).</summary>
    public bool InRepeatedGroup { get; set; }
}

/// <summary>A complex type: attributes plus either a particle tree or simple content.</summary>
internal sealed class ComplexInfo
{
    public ComplexInfo(QName key, string csName, string csNamespace)
    {
        Key = key;
        CsName = csName;
        CsNamespace = csNamespace;
    }

    /// <summary>Type QName, or a synthesized one for anonymous types.</summary>
    public QName Key { get; }

    public string CsName { get; }

    public string CsNamespace { get; }

    public string FullName => "global::" + CsNamespace + "." + CsName;

    public ComplexInfo? Base { get; set; }

    public bool Mixed { get; set; }

    /// <summary>All attribute uses (inherited too), in EXI order.</summary>
    public List<AttributeInfo> Attributes { get; } = new List<AttributeInfo>();

    /// <summary>Attributes declared by this type itself (the C# properties it adds).</summary>
    public List<AttributeInfo> OwnAttributes { get; } = new List<AttributeInfo>();

    /// <summary>The full content model (base content followed by the extension), or null when empty.</summary>
    public GroupParticle? Content { get; set; }

    /// <summary>Leaves of <see cref="Content"/> in document order.</summary>
    public List<LeafParticle> Leaves { get; } = new List<LeafParticle>();

    /// <summary>Repeated groups of several leaves declared by this type, in document order.</summary>
    public List<ItemGroup> ItemGroups { get; } = new List<ItemGroup>();

    /// <summary>The property holding the character content of a mixed type.</summary>
    public string TextProperty { get; set; } = "Text";

    /// <summary>True when the decoder is given the element's value-partition id (mixed or simple content, EXI 1.0 §7.3.1).</summary>
    public bool TakesElementId => Mixed || SimpleContent is not null;

    /// <summary>Number of leaves contributed by base types (their properties live on the base class).</summary>
    public int InheritedLeafCount { get; set; }

    public SimpleInfo? SimpleContent { get; set; }

    public string SimpleContentProperty { get; set; } = "Value";

    public bool Resolved { get; set; }

    /// <summary>Unique method suffix inside a codec.</summary>
    public string MethodSuffix { get; set; } = "";
}

internal static class BitMath
{
    /// <summary>ceil(log2(n)): bits needed for n distinct codes.</summary>
    public static int BitsFor(int n)
    {
        var bits = 0;
        while ((1L << bits) < n)
        {
            bits++;
        }

        return bits;
    }
}
