using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Emit;

/// <summary>
/// Emits a random-instance builder per complex type that follows the grammar: one alternative per choice,
/// list lengths within min/maxOccurs, values within facets, random items of repeated groups, wildcard content
/// and, for mixed types, text between the children. Property tests and simulators use it.
/// </summary>
internal static class SampleEmitter
{
    private const string Rt = "global::ChargePoint.V2g.Exi.";

    public static void Emit(CodeBuilder code, ComplexInfo type)
    {
        code.Open("internal static " + type.FullName + " S_" + type.MethodSuffix + "(" + Rt + "ExiSampler g)");
        code.Line("var v = new " + type.FullName + "();");
        foreach (var attribute in type.Attributes)
        {
            code.Line((attribute.Required ? "" : "if (g.Chance()) ") + "v." + attribute.PropertyName + " = " + Value(attribute.Type) + ";");
        }

        if (type.SimpleContent is not null)
        {
            code.Line("v." + type.SimpleContentProperty + " = " + Value(type.SimpleContent) + ";");
        }
        else
        {
            // k counts the child elements, so mixed text can be placed among them.
            code.Line("var k = 0;");
            Particle(code, type, type.Content!, "v");
            code.Line(type.Mixed ? Rt + "ExiWildcardSampler.Text(g, v." + type.TextProperty + ", k);" : "_ = k;");
        }

        code.Line("return v;");
        code.Close();
    }

    public static string Value(SimpleInfo t)
    {
        switch (t.Kind)
        {
            case ValueKind.Boolean:
                return "g.Boolean()";
            case ValueKind.Enumeration:
                return "(" + t.CsType + ")g.Pick(" + t.EnumValues.Count + ")";
            case ValueKind.String:
                return "g.String(" + (t.MinLength ?? 0) + ", " + (t.MaxLength ?? 16) + ")";
            case ValueKind.Binary:
                return "g.Binary(" + (t.MinLength ?? 0) + ", " + (t.MaxLength ?? 16) + ")";
        }

        if (t.IsBig && (!t.Min.HasValue || !t.Max.HasValue))
        {
            return "g.BigInteger()";
        }

        var min = (t.Min ?? t.TypeMin).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var max = (t.Max ?? t.TypeMax).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return t.CsType == "ulong" ? "g.Unsigned(" + min + "UL, " + max + "UL)" : "(" + t.CsType + ")g.Integer(" + min + "L, " + max + "L)";
    }

    /// <summary>The sample of one occurrence of a leaf's element (wildcards included).</summary>
    private static string LeafValue(LeafParticle leaf) =>
        leaf.IsWildcard ? Rt + "ExiWildcardSampler.Element(g, WildcardSchema, " + Grammar.ParticleQueries.OtherThanLiteral(leaf) + ")"
        : leaf.Element!.Complex is { } complex ? "S_" + complex.MethodSuffix + "(g)"
        : Value(leaf.Element.Simple!);

    private static void Particle(CodeBuilder code, ComplexInfo type, Particle particle, string owner)
    {
        if (particle is GroupParticle { Item: { } item } && owner == "v")
        {
            var group = item.Group;
            code.Open("for (var n = g.Count(" + group.Min + ", " + group.Max + "); n > 0; n--)");
            code.Line("var item = new global::" + type.CsNamespace + "." + item.CsName + "();");
            Content(code, type, group, "item");
            code.Line("v." + item.PropertyName + ".Add(item);");
            code.Close();
            return;
        }

        var repeats = particle.Repeats && particle is GroupParticle;
        if (repeats)
        {
            code.Open("for (var n" + Depth(particle) + " = g.Count(" + particle.Min + ", " + particle.Max + "); n" + Depth(particle) + " > 0; n" + Depth(particle) + "--)");
        }
        else if (particle.Min == 0 && !(particle is LeafParticle l && l.Repeats))
        {
            code.Open("if (g.Chance())");
        }
        else
        {
            code.Open("");
        }

        Content(code, type, particle, owner);
        code.Close();
    }

    private static void Content(CodeBuilder code, ComplexInfo type, Particle particle, string owner)
    {
        if (particle is LeafParticle leaf)
        {
            var value = LeafValue(leaf);
            if (leaf.IsList)
            {
                var count = leaf.Repeats ? "g.Count(" + leaf.Min + ", " + leaf.Max + ")" : "1";
                code.Line("for (var i = " + count + "; i > 0; i--) { " + owner + "." + leaf.PropertyName + ".Add(" + value + "); k++; }");
            }
            else
            {
                code.Line(owner + "." + leaf.PropertyName + " = " + value + ";");
                code.Line("k++;");
            }

            return;
        }

        var group = (GroupParticle)particle;
        if (group.IsChoice)
        {
            if (group.Children.Count == 0)
            {
                return;
            }

            code.Open("switch (g.Pick(" + group.Children.Count + "))");
            for (var i = 0; i < group.Children.Count; i++)
            {
                code.Open("case " + i + ":");
                Particle(code, type, group.Children[i], owner);
                code.Line("break;");
                code.Close();
            }

            code.Close();
        }
        else
        {
            foreach (var child in group.Children)
            {
                Particle(code, type, child, owner);
            }
        }
    }

    private static int Depth(Particle particle)
    {
        var depth = 0;
        for (var p = particle.Parent; p is not null; p = p.Parent)
        {
            depth++;
        }

        return depth;
    }
}
