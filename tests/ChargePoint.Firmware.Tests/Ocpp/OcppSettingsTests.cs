using ChargePoint.Firmware.Hosting;
using ChargePoint.Firmware.Ocpp;
using Microsoft.Extensions.Configuration;

namespace ChargePoint.Firmware.Tests.Ocpp;

/// <summary>The configuration keys reach the OCPP client; a bad one stops start-up naming the key.</summary>
public sealed class OcppSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void The_contract_keys_are_bound()
    {
        var (options, storage) = OcppSettings.Read(Config(
            ("Ocpp:CsmsUrl", "ws://127.0.0.1:9000/ocpp"), ("Ocpp:StationId", "CP-7"), ("Ocpp:SecurityProfile", "1"),
            ("Ocpp:BasicAuthPassword", "0123456789abcdefXYZ"), ("Storage:Path", "/var/lib/chargepoint")));
        Assert.Equal(new Uri("ws://127.0.0.1:9000/ocpp/CP-7"), options.EndpointUri());
        Assert.Equal(1, options.SecurityProfile);
        Assert.Equal("0123456789abcdefXYZ", options.BasicAuthPassword);
        Assert.Equal("/var/lib/chargepoint", storage);
    }

    [Theory]
    [InlineData("Ocpp:CsmsUrl", "not a url", "Ocpp:CsmsUrl")]
    [InlineData("Ocpp:SecurityProfile", "x", "Ocpp:SecurityProfile")]
    [InlineData("Ocpp:SecurityProfile", "2", "wss://")]
    [InlineData("Ocpp:BasicAuthPassword", "short", "Ocpp:BasicAuthPassword")]
    [InlineData("Ocpp:StationId", "", "Ocpp:StationId")]
    [InlineData("Storage:Path", "", "Storage:Path")]
    public void A_bad_value_names_its_key(string key, string value, string named)
    {
        var values = new Dictionary<string, string>
        {
            ["Ocpp:CsmsUrl"] = "ws://127.0.0.1:9000/ocpp",
            ["Ocpp:StationId"] = "CP-7",
            ["Ocpp:SecurityProfile"] = "1",
            ["Ocpp:BasicAuthPassword"] = "0123456789abcdefXYZ",
            ["Storage:Path"] = "/tmp/x",
            [key] = value,
        };
        var error = Assert.Throws<StationStartupException>(() => OcppSettings.Read(Config([.. values.Select(p => (p.Key, p.Value))])));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
