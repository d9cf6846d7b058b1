using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace ChargePoint.V2g.Exi.Generator.Schema;

/// <summary>
/// Resolves one schema set (the main XSD and everything it imports) into complex types with particle trees,
/// simple types with merged facets, and the global element list in EXI document-grammar order.
/// </summary>
internal sealed class SetResolver
{
    private static readonly XNamespace Xs = XsdDocument.XsNs;

    private readonly Dictionary<QName, (XElement Node, XsdDocument Doc)> _globalElements = new Dictionary<QName, (XElement, XsdDocument)>();
    private readonly Dictionary<QName, (XElement Node, XsdDocument Doc)> _complexTypes = new Dictionary<QName, (XElement, XsdDocument)>();
    private readonly Dictionary<QName, (XElement Node, XsdDocument Doc)> _simpleTypes = new Dictionary<QName, (XElement, XsdDocument)>();
    private readonly Dictionary<QName, ComplexInfo> _complexCache = new Dictionary<QName, ComplexInfo>();
    private readonly Dictionary<QName, SimpleInfo> _simpleCache = new Dictionary<QName, SimpleInfo>();
    private readonly Dictionary<QName, ElementDecl> _globalDecls = new Dictionary<QName, ElementDecl>();
    private readonly Dictionary<QName, List<QName>> _substitutionMembers = new Dictionary<QName, List<QName>>();
    private readonly HashSet<string> _namedTypeNames = new HashSet<string>();
    private readonly Dictionary<QName, List<ElementDecl>> _declarations = new Dictionary<QName, List<ElementDecl>>();
    private readonly List<XsdDocument> _documents = new List<XsdDocument>();

    public SetResolver(SchemaSetDefinition set, IReadOnlyDictionary<string, XsdDocument> documents)
    {
        Set = set;
        LoadTransitively(set.MainFile, documents, new HashSet<string>());
        foreach (var pair in _globalElements)
        {
            var head = (string?)pair.Value.Node.Attribute("substitutionGroup");
            if (head is not null)
            {
                var headName = XsdDocument.ResolveQName(pair.Value.Node, head);
                if (!_substitutionMembers.TryGetValue(headName, out var list))
                {
                    _substitutionMembers[headName] = list = new List<QName>();
                }

                list.Add(pair.Key);
            }
        }
    }

    public SchemaSetDefinition Set { get; }

    /// <summary>All complex types resolved so far (reachable from the globals once <see cref="ResolveAll"/> ran).</summary>
    public List<ComplexInfo> ComplexTypes { get; } = new List<ComplexInfo>();

    /// <summary>Enumerated simple types by C# full name.</summary>
    public Dictionary<string, SimpleInfo> Enums { get; } = new Dictionary<string, SimpleInfo>();

    /// <summary>Every element declaration (global and local) by qname, first declaration wins (fragment grammar).</summary>
    public Dictionary<QName, ElementDecl> AllDeclarations { get; } = new Dictionary<QName, ElementDecl>();

    /// <summary>Namespaces of the set, for XML prefixes.</summary>
    public SortedSet<string> Namespaces { get; } = new SortedSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Qnames a fragment set declares with different types (or nillability): their content uses the relaxed
    /// element fragment grammar (EXI 1.0 §8.5.2, §8.5.3).
    /// </summary>
    public HashSet<QName> RelaxedNames { get; } = new HashSet<QName>();

    /// <summary>The global elements of the set (SE(*) content uses their grammars, EXI 1.0 §8.5.4.1.7).</summary>
    public IEnumerable<QName> GlobalNames => _globalElements.Keys;

    /// <summary>Every global element of the set, sorted by local name then namespace (EXI document grammar).</summary>
    public List<ElementDecl> ResolveAll()
    {
        var result = _globalElements.Keys.OrderBy(q => q).Select(GlobalElement).ToList();
        if (!Set.IsFragment)
        {
            return result;
        }

        // EXI 1.0 §8.4.3: a fragment grammar offers every element declaration of the schema (also those in
        // types no global element uses), sorted by qname.
        foreach (var typeName in _complexTypes.Keys.OrderBy(q => q).ToList())
        {
            ResolveComplex(typeName);
        }

        foreach (var pair in _declarations)
        {
            if (pair.Value.Select(d => (d.TypeIdentity, d.Nillable)).Distinct().Count() > 1)
            {
                if (_globalElements.ContainsKey(pair.Key))
                {
                    throw new InvalidOperationException("Global element " + pair.Key + " is also declared locally with another type; not supported.");
                }

                RelaxedNames.Add(pair.Key);
            }
        }

        return AllDeclarations.Keys.OrderBy(q => q).Select(q => AllDeclarations[q]).ToList();
    }

    /// <summary>The raw declarations of every XSD of the set (Appendix D names, relaxed-grammar attributes).</summary>
    public DeclaredNames Declared => new DeclaredNames(_documents, ResolveSimple);

    private void LoadTransitively(string path, IReadOnlyDictionary<string, XsdDocument> documents, HashSet<string> seen)
    {
        if (!seen.Add(path))
        {
            return;
        }

        if (!documents.TryGetValue(path, out var doc))
        {
            throw new InvalidOperationException("Schema file not found among AdditionalFiles: " + path);
        }

        Namespaces.Add(doc.TargetNamespace);
        _documents.Add(doc);
        foreach (var child in doc.Root.Elements())
        {
            var name = (string?)child.Attribute("name");
            if (child.Name == Xs + "import" || child.Name == Xs + "include")
            {
                var location = (string?)child.Attribute("schemaLocation");
                if (location is not null)
                {
                    LoadTransitively(XsdDocument.CombinePath(path, location), documents, seen);
                }
            }
            else if (name is not null)
            {
                var key = new QName(doc.TargetNamespace, name);
                if (child.Name == Xs + "element")
                {
                    _globalElements[key] = (child, doc);
                }
                else if (child.Name == Xs + "complexType")
                {
                    _complexTypes[key] = (child, doc);
                    _namedTypeNames.Add(CsNamespaceOf(doc.TargetNamespace) + "." + name);
                }
                else if (child.Name == Xs + "simpleType")
                {
                    _simpleTypes[key] = (child, doc);
                    _namedTypeNames.Add(CsNamespaceOf(doc.TargetNamespace) + "." + name);
                }
            }
        }
    }

    public static string CsNamespaceOf(string ns) =>
        SchemaSetCatalog.CsNamespaces.TryGetValue(ns, out var cs) ? cs : throw new InvalidOperationException("No C# namespace for " + ns);

    public ElementDecl GlobalElement(QName name)
    {
        if (_globalDecls.TryGetValue(name, out var existing))
        {
            return existing;
        }

        if (!_globalElements.TryGetValue(name, out var entry))
        {
            throw new InvalidOperationException("Unknown global element " + name);
        }

        var decl = new ElementDecl(name) { IsAbstract = (string?)entry.Node.Attribute("abstract") == "true" };
        _globalDecls[name] = decl;
        AllDeclarations[name] = decl;
        Register(decl);
        var head = (string?)entry.Node.Attribute("substitutionGroup");
        if (head is not null)
        {
            decl.SubstitutionHead = XsdDocument.ResolveQName(entry.Node, head);
        }

        ResolveElementType(decl, entry.Node, entry.Doc, name.Local);
        return decl;
    }

    private void Register(ElementDecl decl)
    {
        if (!_declarations.TryGetValue(decl.Name, out var list))
        {
            _declarations[decl.Name] = list = new List<ElementDecl>();
        }

        if (!list.Contains(decl))
        {
            list.Add(decl);
        }
    }

    private void ResolveElementType(ElementDecl decl, XElement node, XsdDocument doc, string anonymousName)
    {
        decl.Nillable = (string?)node.Attribute("nillable") == "true";
        var typeRef = (string?)node.Attribute("type");
        decl.TypeIdentity = typeRef is not null ? XsdDocument.ResolveQName(node, typeRef)
            : (object?)node.Element(Xs + "complexType") ?? (object?)node.Element(Xs + "simpleType") ?? new QName(XsdDocument.XsNs, "anyType");
        if (typeRef is not null)
        {
            var typeName = XsdDocument.ResolveQName(node, typeRef);
            if (typeName.Ns == XsdDocument.XsNs || _simpleTypes.ContainsKey(typeName))
            {
                decl.Simple = ResolveSimple(typeName);
            }
            else
            {
                decl.Complex = ResolveComplex(typeName);
            }

            return;
        }

        var inlineComplex = node.Element(Xs + "complexType");
        var inlineSimple = node.Element(Xs + "simpleType");
        if (inlineSimple is not null)
        {
            decl.Simple = ResolveSimpleNode(inlineSimple, doc, anonymousName + "Type");
            return;
        }

        var csName = anonymousName + "Type";
        var ns = doc.TargetNamespace;
        if (_namedTypeNames.Contains(CsNamespaceOf(ns) + "." + csName))
        {
            csName = anonymousName + "AnonymousType";
        }

        var key = new QName(ns, "#" + csName);
        if (!_complexCache.TryGetValue(key, out var info))
        {
            info = new ComplexInfo(key, csName, CsNamespaceOf(ns));
            _complexCache[key] = info;
            BuildComplex(info, inlineComplex, doc);
        }

        decl.Complex = info;
    }

    public ComplexInfo ResolveComplex(QName name)
    {
        if (_complexCache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (!_complexTypes.TryGetValue(name, out var entry))
        {
            throw new InvalidOperationException("Unknown complex type " + name);
        }

        var info = new ComplexInfo(name, name.Local, CsNamespaceOf(name.Ns));
        _complexCache[name] = info;
        BuildComplex(info, entry.Node, entry.Doc);
        return info;
    }

    private void BuildComplex(ComplexInfo info, XElement? node, XsdDocument doc)
    {
        info.Content = new GroupParticle();
        info.Mixed = (string?)node?.Attribute("mixed") == "true";
        var attributes = new List<AttributeInfo>();
        if (node is not null)
        {
            var complexContent = node.Element(Xs + "complexContent");
            var simpleContent = node.Element(Xs + "simpleContent");
            if (complexContent is not null)
            {
                info.Mixed |= (string?)complexContent.Attribute("mixed") == "true";
                var derivation = complexContent.Elements().First();
                var baseName = XsdDocument.ResolveQName(derivation, (string)derivation.Attribute("base")!);
                if (derivation.Name == Xs + "extension")
                {
                    var baseInfo = ResolveComplex(baseName);
                    info.Base = baseInfo;
                    attributes.AddRange(baseInfo.Attributes);
                    var baseEntry = _complexTypes[baseName];
                    var baseGroup = new GroupParticle();
                    AddContentOf(baseGroup, baseEntry.Node, baseEntry.Doc);
                    AddChild(info.Content, baseGroup);
                }

                AddParticles(info.Content, derivation, doc);
                AddOwnAttributes(info, attributes, derivation, doc);
            }
            else if (simpleContent is not null)
            {
                var derivation = simpleContent.Elements().First();
                var baseName = XsdDocument.ResolveQName(derivation, (string)derivation.Attribute("base")!);
                if (baseName.Ns != XsdDocument.XsNs && _complexTypes.ContainsKey(baseName))
                {
                    var baseInfo = ResolveComplex(baseName);
                    info.Base = baseInfo;
                    attributes.AddRange(baseInfo.Attributes);
                    info.SimpleContent = baseInfo.SimpleContent;
                }
                else
                {
                    info.SimpleContent = ResolveSimple(baseName);
                }

                AddOwnAttributes(info, attributes, derivation, doc);
            }
            else
            {
                AddParticles(info.Content, node, doc);
                AddOwnAttributes(info, attributes, node, doc);
            }
        }

        info.Attributes.AddRange(attributes.OrderBy(a => a.Name));
        LeafCollector.Collect(info);
        ComplexTypes.Add(info);
        info.MethodSuffix = info.CsNamespace.Replace("ChargePoint.V2g.Exi", "").Replace(".", "") + "_" + info.CsName;
        info.Resolved = true;
    }

    /// <summary>Adds the (base-first) content of a named type's definition, for extension chains.</summary>
    private void AddContentOf(GroupParticle target, XElement typeNode, XsdDocument doc)
    {
        var complexContent = typeNode.Element(Xs + "complexContent");
        if (complexContent is null)
        {
            AddParticles(target, typeNode, doc);
            return;
        }

        var derivation = complexContent.Elements().First();
        if (derivation.Name == Xs + "extension")
        {
            var baseName = XsdDocument.ResolveQName(derivation, (string)derivation.Attribute("base")!);
            var baseEntry = _complexTypes[baseName];
            var baseGroup = new GroupParticle();
            AddContentOf(baseGroup, baseEntry.Node, baseEntry.Doc);
            AddChild(target, baseGroup);
        }

        AddParticles(target, derivation, doc);
    }

    private void AddOwnAttributes(ComplexInfo info, List<AttributeInfo> all, XElement container, XsdDocument doc)
    {
        if (container.Element(Xs + "anyAttribute") is not null)
        {
            throw new InvalidOperationException("Type " + info.CsName + " has an attribute wildcard (AT(*) of EXI 1.0 §8.5.4.1.3.2); not supported.");
        }

        foreach (var attr in container.Elements(Xs + "attribute"))
        {
            var local = (string)attr.Attribute("name")!;
            var form = (string?)attr.Attribute("form");
            var qualified = form is null ? doc.AttributesQualified : form == "qualified";
            var name = new QName(qualified ? doc.TargetNamespace : "", local);
            var typeRef = (string?)attr.Attribute("type");
            var type = typeRef is not null
                ? ResolveSimple(XsdDocument.ResolveQName(attr, typeRef))
                : ResolveSimpleNode(attr.Element(Xs + "simpleType")!, doc, info.CsName + "_" + local);
            var use = new AttributeInfo(name, type, (string?)attr.Attribute("use") == "required", local);
            all.Add(use);
            info.OwnAttributes.Add(use);
        }
    }

    private void AddParticles(GroupParticle target, XElement container, XsdDocument doc)
    {
        foreach (var child in container.Elements())
        {
            var particle = BuildParticle(child, doc);
            if (particle is not null)
            {
                AddChild(target, particle);
            }
        }
    }

    private Particle? BuildParticle(XElement node, XsdDocument doc)
    {
        Particle particle;
        if (node.Name == Xs + "sequence" || node.Name == Xs + "choice")
        {
            var group = new GroupParticle { IsChoice = node.Name == Xs + "choice" };
            AddParticles(group, node, doc);
            particle = group;
        }
        else if (node.Name == Xs + "element")
        {
            particle = BuildElementParticle(node, doc);
        }
        else if (node.Name == Xs + "any")
        {
            particle = new LeafParticle { WildcardOtherThan = WildcardOtherThan(node, doc) };
        }
        else
        {
            return null;
        }

        particle.Min = int.Parse((string?)node.Attribute("minOccurs") ?? "1", CultureInfo.InvariantCulture);
        var max = (string?)node.Attribute("maxOccurs") ?? "1";
        particle.Max = max == "unbounded" ? -1 : int.Parse(max, CultureInfo.InvariantCulture);
        return particle;
    }

    /// <summary>
    /// The namespace constraint of <c>xs:any</c>: ##any (null) or ##other (the target namespace). Both give SE(*)
    /// (EXI 1.0 §8.5.4.1.7); namespace lists would give SE(uri:*) and are not used by the vendored schemas.
    /// </summary>
    private static string? WildcardOtherThan(XElement node, XsdDocument doc)
    {
        var constraint = ((string?)node.Attribute("namespace") ?? "##any").Trim();
        switch (constraint)
        {
            case "##any":
                return null;
            case "##other":
                return doc.TargetNamespace;
            default:
                throw new InvalidOperationException("Wildcard namespace list '" + constraint + "' (SE(uri:*)) is not supported.");
        }
    }

    private Particle BuildElementParticle(XElement node, XsdDocument doc)
    {
        var reference = (string?)node.Attribute("ref");
        if (reference is null)
        {
            var local = (string)node.Attribute("name")!;
            var form = (string?)node.Attribute("form");
            var qualified = form is null ? doc.ElementsQualified : form == "qualified";
            var decl = new ElementDecl(new QName(qualified ? doc.TargetNamespace : "", local));
            ResolveElementType(decl, node, doc, local);
            if (!AllDeclarations.ContainsKey(decl.Name))
            {
                AllDeclarations[decl.Name] = decl;
            }

            Register(decl);

            return new LeafParticle { Element = decl };
        }

        var refName = XsdDocument.ResolveQName(node, reference);
        var members = new List<QName>();
        CollectSubstitutionMembers(refName, members);
        if (members.Count == 0)
        {
            return new LeafParticle { Element = GlobalElement(refName) };
        }

        // Substitution group: every member and the head itself are plain SE events, sorted by qname. The
        // reference vectors (two independent codecs) count an abstract head too (ISO 15118-2 BodyElement).
        members.Add(refName);
        var choice = new GroupParticle { IsChoice = true };
        foreach (var member in members.Distinct().OrderBy(q => q))
        {
            AddChild(choice, new LeafParticle { Element = GlobalElement(member) });
        }

        return choice;
    }

    private void CollectSubstitutionMembers(QName head, List<QName> result)
    {
        if (_substitutionMembers.TryGetValue(head, out var direct))
        {
            foreach (var member in direct)
            {
                result.Add(member);
                CollectSubstitutionMembers(member, result);
            }
        }
    }

    private static void AddChild(GroupParticle parent, Particle child)
    {
        child.Parent = parent;
        parent.Children.Add(child);
    }

    public SimpleInfo ResolveSimple(QName name)
    {
        if (_simpleCache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        SimpleInfo info;
        if (name.Ns == XsdDocument.XsNs)
        {
            info = BuiltInTypes.Create(name.Local);
        }
        else
        {
            if (!_simpleTypes.TryGetValue(name, out var entry))
            {
                throw new InvalidOperationException("Unknown simple type " + name);
            }

            info = ResolveSimpleNode(entry.Node, entry.Doc, name.Local);
        }

        _simpleCache[name] = info;
        return info;
    }

    private SimpleInfo ResolveSimpleNode(XElement node, XsdDocument doc, string name)
    {
        var restriction = node.Element(Xs + "restriction")
            ?? throw new InvalidOperationException("Only restriction simple types are supported: " + name);
        var baseRef = (string?)restriction.Attribute("base");
        var info = BuiltInTypes.Copy(baseRef is not null
            ? ResolveSimple(XsdDocument.ResolveQName(restriction, baseRef))
            : ResolveSimpleNode(restriction.Element(Xs + "simpleType")!, doc, name + "Base"));
        var enumValues = new List<string>();
        foreach (var facet in restriction.Elements())
        {
            var value = (string?)facet.Attribute("value");
            if (value is null)
            {
                continue;
            }

            switch (facet.Name.LocalName)
            {
                case "minInclusive":
                    info.Min = Max(info.Min, decimal.Parse(value, CultureInfo.InvariantCulture));
                    break;
                case "maxInclusive":
                    info.Max = MinOf(info.Max, decimal.Parse(value, CultureInfo.InvariantCulture));
                    break;
                case "minExclusive":
                    info.Min = Max(info.Min, decimal.Parse(value, CultureInfo.InvariantCulture) + 1);
                    break;
                case "maxExclusive":
                    info.Max = MinOf(info.Max, decimal.Parse(value, CultureInfo.InvariantCulture) - 1);
                    break;
                case "maxLength":
                    info.MaxLength = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "minLength":
                    info.MinLength = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "length":
                    info.MaxLength = int.Parse(value, CultureInfo.InvariantCulture);
                    info.MinLength = info.MaxLength;
                    break;
                case "enumeration":
                    enumValues.Add(value);
                    break;
            }
        }

        if (enumValues.Count > 0)
        {
            info.Kind = ValueKind.Enumeration;
            info.EnumValues.Clear();
            info.EnumValues.AddRange(enumValues);
            info.CsType = "global::" + CsNamespaceOf(doc.TargetNamespace) + "." + name;
            Enums[info.CsType] = info;
        }

        return info;
    }

    private static decimal Max(decimal? a, decimal b) => a.HasValue && a.Value > b ? a.Value : b;

    private static decimal MinOf(decimal? a, decimal b) => a.HasValue && a.Value < b ? a.Value : b;
}
