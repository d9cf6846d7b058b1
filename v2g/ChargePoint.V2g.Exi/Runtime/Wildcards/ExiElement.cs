namespace ChargePoint.V2g.Exi;

/// <summary>
/// An element the schema does not type: its qualified name, attributes in document order and its children
/// (text, elements, typed elements) in document order. Built-in element grammars code it (EXI 1.0 §8.4.3).
/// </summary>
public sealed class ExiElement : ExiNode
{
    // Created on first use: a decoded element without attributes or children costs one object.
    private List<ExiAttribute>? _attributes;
    private List<ExiNode>? _children;

    public ExiElement(string ns, string localName)
    {
        Namespace = ns ?? throw new ArgumentNullException(nameof(ns));
        LocalName = localName ?? throw new ArgumentNullException(nameof(localName));
    }

    /// <summary>The namespace URI; empty for an element in no namespace.</summary>
    public string Namespace { get; }

    public string LocalName { get; }

    public List<ExiAttribute> Attributes => _attributes ??= [];

    public List<ExiNode> Children => _children ??= [];

    public bool HasAttributes => _attributes is { Count: > 0 };

    public bool HasChildren => _children is { Count: > 0 };

    public override string ToString() => "{" + Namespace + "}" + LocalName;
}
