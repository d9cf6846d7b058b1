using System.Xml;
using System.Xml.Linq;

namespace ChargePoint.V2g.Exi;

/// <summary>
/// What wildcard and built-in content needs from one generated schema set: its pre-populated name partitions,
/// which qnames are declared, and the typed codec, XML bridge and sampler of each root (global element, or for a
/// fragment set every declared element; EXI 1.0 §8.5.1, §8.5.2).
/// </summary>
internal abstract class ExiWildcardSchema(ExiSchemaNames names)
{
    public ExiSchemaNames Names { get; } = names;

    /// <summary>The root index of the global element <paramref name="ns"/>:<paramref name="local"/>, or -1.</summary>
    public abstract int GlobalIndex(string ns, string local);

    /// <summary>
    /// The root index of any element declaration with that qname (the F list of a relaxed element fragment,
    /// EXI 1.0 §8.5.3), or -1. Document sets have no relaxed content and answer as <see cref="GlobalIndex"/>.
    /// </summary>
    public virtual int DeclarationIndex(string ns, string local) => GlobalIndex(ns, local);

    /// <summary>True when the root's content uses the relaxed element fragment grammar; its value is an <see cref="ExiElement"/>.</summary>
    public virtual bool IsRelaxed(int index) => false;

    /// <summary>Number of roots (m of EXI 1.0 §8.5.3 for a fragment set).</summary>
    public abstract int RootCount { get; }

    public abstract string RootNamespace(int index);

    public abstract string RootLocalName(int index);

    /// <summary>The root's content after its SE event, up to and including EE.</summary>
    public abstract object DecodeRoot(ref ExiBitReader r, int index);

    public abstract void EncodeRoot(ref ExiBitWriter w, int index, object value);

    /// <summary>Writes the root's attributes and content (inside a start tag the caller wrote).</summary>
    public abstract void WriteRoot(XmlWriter x, int index, object value);

    public abstract object ReadRoot(XElement e, int index);

    public abstract object SampleRoot(int index, ExiSampler g);

    /// <summary>The schema's local value partition id of a qname that has one, or -1.</summary>
    public abstract int ValueId(string ns, string local);

    /// <summary>Sorted attribute qnames of the set (A of EXI 1.0 §8.5.3); empty without relaxed content.</summary>
    public virtual (string Ns, string Local)[] RelaxedAttributes => [];
}
