using System.Reflection;
using ChargePoint.Firmware.Hosting;
using ChargePoint.TestUtilities;

namespace ChargePoint.Firmware.Tests.Architecture;

public sealed class DependencyRuleTests
{
    [Fact]
    public void Repository_projects_follow_the_one_way_dependency_rule()
    {
        var projects = DependencyRules.Load(RepositoryPaths.Root);

        Assert.True(projects.Count >= 10, $"expected the solution's projects, found {projects.Count}");
        Assert.Empty(DependencyRules.Violations(projects));
    }

    [Theory]
    [InlineData("hal/H/H.csproj", "firmware/F/F.csproj", false)]
    [InlineData("v2g/V/V.csproj", "simulators/S/S.csproj", false)]
    [InlineData("v2g/V/V.csproj", "ocpp-client/O/O.csproj", false)]
    [InlineData("ocpp-client/O/O.csproj", "v2g/V/V.csproj", false)]
    [InlineData("firmware/F/F.csproj", "tests/T/T.csproj", false)]
    [InlineData("firmware/F/F.csproj", "simulators/S/S.csproj", false)]
    [InlineData("hal/H/H.csproj", "simulators/S/S.csproj", true)]
    [InlineData("simulators/S/S.csproj", "tests/T/T.csproj", false)]
    public void A_wrong_reference_is_reported(string from, string to, bool buildOnly)
    {
        var graph = new[] { new ProjectNode(from, [new ProjectEdge(to, buildOnly, IsAnalyzer: false)]) };

        var violation = Assert.Single(DependencyRules.Violations(graph));
        Assert.StartsWith($"{from} -> {to}", violation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("firmware/F/F.csproj", "simulators/S/S.csproj", true)]
    [InlineData("firmware/F/F.csproj", "v2g/V/V.csproj", false)]
    [InlineData("simulators/S/S.csproj", "firmware/F/F.csproj", false)]
    [InlineData("tests/T/T.csproj", "simulators/S/S.csproj", false)]
    public void An_allowed_reference_passes(string from, string to, bool buildOnly)
    {
        var graph = new[] { new ProjectNode(from, [new ProjectEdge(to, buildOnly, IsAnalyzer: false)]) };

        Assert.Empty(DependencyRules.Violations(graph));
    }

    [Fact]
    public void Firmware_assembly_does_not_reference_the_simulators_assembly()
    {
        // The csproj edge to the simulators is build-only; the compiled firmware must not bind to cpsim.
        var references = typeof(StationProgram).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("ChargePoint.Firmware.Contracts", references);
        Assert.DoesNotContain("cpsim", references);
        Assert.DoesNotContain(references, name => name!.StartsWith("ChargePoint.TestUtilities", StringComparison.Ordinal));
    }

    [Fact]
    public void Protocol_libraries_do_not_bind_to_each_other_or_upwards()
    {
        var v2g = Assembly.Load("ChargePoint.V2g").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var ocpp = Assembly.Load("ChargePoint.Ocpp").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var hal = Assembly.Load("ChargePoint.Hal").GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain("ChargePoint.Ocpp", v2g);
        Assert.DoesNotContain("ChargePoint.V2g", ocpp);
        foreach (var refs in new[] { v2g, ocpp, hal })
        {
            Assert.DoesNotContain("chargepoint", refs);
            Assert.DoesNotContain("cpsim", refs);
        }
    }
}
