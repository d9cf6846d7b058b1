using System.Reflection;
using System.Text.Json;
using ChargePoint.Ocpp.Json;
using ChargePoint.Ocpp.Messages;
using ChargePoint.TestUtilities;

namespace ChargePoint.Ocpp.Tests.Messages;

/// <summary>The generated model covers every vendored OCA schema, with exact wire strings.</summary>
public sealed class GeneratedTypesTests
{
    private static readonly Assembly OcppAssembly = typeof(OcppSchemaCatalog).Assembly;

    public static TheoryData<string> SchemaFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("ocpp-client", "schemas", "ocpp21"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Every_schema_file_and_definition_has_a_generated_type_and_validator(string stem)
    {
        using var schema = JsonDocument.Parse(File.ReadAllBytes(SchemaPath(stem)));
        Assert.NotNull(OcppAssembly.GetType("ChargePoint.Ocpp.Messages." + stem));
        foreach (var definition in schema.RootElement.GetProperty("definitions").EnumerateObject())
        {
            var type = OcppAssembly.GetType("ChargePoint.Ocpp.Messages." + definition.Name);
            Assert.True(type is not null, $"{stem}: no type for {definition.Name}");
        }

        var role = stem.EndsWith("Request", StringComparison.Ordinal) ? OcppPayloadRole.Request
            : stem.EndsWith("Response", StringComparison.Ordinal) ? OcppPayloadRole.Response : OcppPayloadRole.Send;
        var action = role == OcppPayloadRole.Send ? stem : stem[..^role.ToString().Length];
        Assert.True(OcppSchemaCatalog.TryGetValidator(action, role, out _));
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Every_enum_value_of_the_schema_maps_to_a_member_and_back_to_the_same_wire_string(string stem)
    {
        using var schema = JsonDocument.Parse(File.ReadAllBytes(SchemaPath(stem)));
        foreach (var definition in schema.RootElement.GetProperty("definitions").EnumerateObject())
        {
            if (!definition.Value.TryGetProperty("enum", out var values))
            {
                continue;
            }

            var enumType = OcppAssembly.GetType("ChargePoint.Ocpp.Messages." + definition.Name)!;
            var wire = OcppAssembly.GetType("ChargePoint.Ocpp.Messages." + definition.Name + "Wire")!;
            var tryParse = wire.GetMethod("TryParse")!;
            var toWire = wire.GetMethod("ToWire")!;
            Assert.Equal(values.GetArrayLength(), Enum.GetValues(enumType).Length);
            foreach (var value in values.EnumerateArray())
            {
                var args = new object?[] { value.GetString(), null };
                Assert.True((bool)tryParse.Invoke(null, args)!, $"{definition.Name}: {value}");
                Assert.Equal(value.GetString(), toWire.Invoke(null, [args[1]]));
            }

            Assert.False((bool)tryParse.Invoke(null, ["NoSuchValue", null])!);
        }
    }

    [Fact]
    public void Measurands_keep_their_dotted_wire_names()
    {
        Assert.Equal("Energy.Active.Export.Register", MeasurandEnumType.Energy_Active_Export_Register.ToWire());
        Assert.Equal("Power.Active.Import", MeasurandEnumType.Power_Active_Import.ToWire());
        Assert.Equal("DC_BPT", EnergyTransferModeEnumType.DC_BPT.ToWire());
        Assert.Equal("string", DataEnumType.String.ToWire());
    }

    private static string SchemaPath(string stem) => RepositoryPaths.Combine("ocpp-client", "schemas", "ocpp21", stem + ".json");
}
