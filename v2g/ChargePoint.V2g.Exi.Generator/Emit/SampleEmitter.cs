using System.Collections.Generic;
using System.Linq;
using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Emit;

/// <summary>
/// Emits a random-instance builder per complex type that follows the grammar: one alternative per choice,
/// list lengths within min/maxOccurs, values within facets. Property tests and simulators use it.
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
            Particle(code, type.Content!);
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

    /// <summary>
    /// True when the type can be completed without wildcard content (which the model cannot hold): xmldsig
    /// SignatureProperty, for example, needs at least one foreign element and so cannot be sampled.
    /// </summary>
    public static bool Satisfiable(ComplexInfo type) => type.SimpleContent is not null || Satisfiable(type.Content!, new HashSet<ComplexInfo> { type });

    private static bool Satisfiable(Particle particle, HashSet<ComplexInfo> visiting)
    {
        if (particle.Min == 0)
        {
            return true;
        }

        if (particle is LeafParticle leaf)
        {
            if (leaf.IsWildcard)
            {
                return false;
            }

            var complex = leaf.Element!.Complex;
            if (complex is null || complex.SimpleContent is not null || !visiting.Add(complex))
            {
                return true;
            }

            var result = Satisfiable(complex.Content!, visiting);
            visiting.Remove(complex);
            return result;
        }

        var group = (GroupParticle)particle;
        return group.IsChoice
            ? group.Children.Count == 0 || group.Children.Any(c => Satisfiable(c, visiting))
            : group.Children.All(c => Satisfiable(c, visiting));
    }

    private static bool Samplable(Particle particle) => particle.Min == 0 || Satisfiable(particle, new HashSet<ComplexInfo>());

    private static void Particle(CodeBuilder code, Particle particle)
    {
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

        if (particle is LeafParticle leaf)
        {
            if (!leaf.IsWildcard && (leaf.Element!.Complex is null || Satisfiable(leaf.Element.Complex)))
            {
                var decl = leaf.Element!;
                var value = decl.Complex is not null ? "S_" + decl.Complex.MethodSuffix + "(g)" : Value(decl.Simple!);
                if (leaf.IsList)
                {
                    var count = leaf.Repeats ? "g.Count(" + leaf.Min + ", " + leaf.Max + ")" : "1";
                    code.Line("for (var i = " + count + "; i > 0; i--) v." + leaf.PropertyName + ".Add(" + value + ");");
                }
                else
                {
                    code.Line("v." + leaf.PropertyName + " = " + value + ";");
                }
            }
        }
        else
        {
            var group = (GroupParticle)particle;
            if (group.IsChoice)
            {
                var alternatives = group.Children.Where(Samplable).ToList();
                if (alternatives.Count == 0)
                {
                    // Only wildcard alternatives (xmldsig): nothing the model can hold.
                    code.Close();
                    return;
                }

                code.Open("switch (g.Pick(" + alternatives.Count + "))");
                for (var i = 0; i < alternatives.Count; i++)
                {
                    code.Open("case " + i + ":");
                    Particle(code, alternatives[i]);
                    code.Line("break;");
                    code.Close();
                }

                code.Close();
            }
            else
            {
                foreach (var child in group.Children)
                {
                    Particle(code, child);
                }
            }
        }

        code.Close();
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
