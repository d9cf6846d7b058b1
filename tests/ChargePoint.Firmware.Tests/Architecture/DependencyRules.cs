using System.Xml.Linq;

namespace ChargePoint.Firmware.Tests.Architecture;

/// <summary>One project and the projects it references, as read from its .csproj.</summary>
public sealed record ProjectNode(string Path, IReadOnlyList<ProjectEdge> References)
{
    /// <summary>The top-level folder: hal, v2g, ocpp-client, firmware, simulators or tests.</summary>
    public string Area => Path.Split('/')[0];
}

/// <summary>A ProjectReference. Build-only edges (ReferenceOutputAssembly=false) order builds and copy outputs
/// but give the referencing code no access to the referenced types.</summary>
public sealed record ProjectEdge(string TargetPath, bool BuildOnly, bool IsAnalyzer)
{
    public string TargetArea => TargetPath.Split('/')[0];
}

/// <summary>
/// The repository's one-way dependency rule:
/// hal, v2g and ocpp-client never reference firmware or simulators; v2g and ocpp-client never reference
/// each other (firmware bridges them); production code never references simulators or tests. The only
/// allowed exception is the firmware's build-only edge to the simulation plug-in, which copies cpsim.dll
/// beside the firmware without letting it compile against the simulators.
/// </summary>
public static class DependencyRules
{
    private static readonly string[] ProductionAreas = ["hal", "v2g", "ocpp-client", "firmware"];
    private static readonly string[] ProtocolAreas = ["hal", "v2g", "ocpp-client"];

    public static IReadOnlyList<string> Violations(IEnumerable<ProjectNode> projects)
    {
        ArgumentNullException.ThrowIfNull(projects);
        var violations = new List<string>();
        foreach (var project in projects)
        {
            foreach (var edge in project.References)
            {
                var rule = Check(project, edge);
                if (rule is not null)
                {
                    violations.Add($"{project.Path} -> {edge.TargetPath}: {rule}");
                }
            }
        }

        return violations;
    }

    private static string? Check(ProjectNode from, ProjectEdge edge)
    {
        var source = from.Area;
        var target = edge.TargetArea;
        if (ProtocolAreas.Contains(source) && target is "firmware" or "simulators")
        {
            return $"{source} must never reference {target}";
        }

        if ((source, target) is ("v2g", "ocpp-client") or ("ocpp-client", "v2g"))
        {
            return "v2g and ocpp-client never reference each other; firmware bridges them";
        }

        if (ProductionAreas.Contains(source) && target == "tests")
        {
            return "production code never references tests";
        }

        if (source == "simulators" && target == "tests")
        {
            return "simulators never reference tests";
        }

        if (ProductionAreas.Contains(source) && target == "simulators" && !(source == "firmware" && edge.BuildOnly))
        {
            return "production code never compiles against simulators (only a build-only plug-in edge is allowed)";
        }

        return null;
    }

    /// <summary>Reads every .csproj under the production, simulator and test folders of <paramref name="root"/>.</summary>
    public static IReadOnlyList<ProjectNode> Load(string root)
    {
        var nodes = new List<ProjectNode>();
        foreach (var area in new[] { "hal", "v2g", "ocpp-client", "firmware", "simulators", "tests" })
        {
            var dir = System.IO.Path.Combine(root, area);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*.csproj", SearchOption.AllDirectories))
            {
                if (file.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    || file.Contains("node_modules", StringComparison.Ordinal))
                {
                    continue;
                }

                nodes.Add(ReadProject(root, file));
            }
        }

        return nodes;
    }

    private static ProjectNode ReadProject(string root, string file)
    {
        var document = XDocument.Load(file);
        var projectDir = System.IO.Path.GetDirectoryName(file)!;
        var edges = document.Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e =>
            {
                var include = e.Attribute("Include")!.Value.Replace('\\', '/');
                var target = System.IO.Path.GetFullPath(System.IO.Path.Combine(projectDir, include));
                var buildOnly = string.Equals(e.Attribute("ReferenceOutputAssembly")?.Value, "false", StringComparison.OrdinalIgnoreCase);
                var analyzer = string.Equals(e.Attribute("OutputItemType")?.Value, "Analyzer", StringComparison.OrdinalIgnoreCase);
                return new ProjectEdge(Relative(root, target), buildOnly, analyzer);
            })
            .ToList();
        return new ProjectNode(Relative(root, file), edges);
    }

    private static string Relative(string root, string path) =>
        System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');
}
