using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Tests.Peer;

namespace ChargePoint.Ocpp.Tests.Network;

/// <summary>SetNetworkProfile / SetVariables payloads and answers the network-profile tests share.</summary>
public static class NetworkProfileJson
{
    public static JsonObject Profile(Uri csmsUrl, int securityProfile = 1, string? password = null, string? identity = null, int messageTimeout = 5)
    {
        var data = new JsonObject
        {
            ["ocppInterface"] = "Wired0",
            ["ocppTransport"] = "JSON",
            ["ocppVersion"] = "OCPP21",
            ["messageTimeout"] = messageTimeout,
            ["ocppCsmsUrl"] = csmsUrl.ToString(),
            ["securityProfile"] = securityProfile,
        };
        if (password is not null)
        {
            data["basicAuthPassword"] = password;
        }

        if (identity is not null)
        {
            data["identity"] = identity;
        }

        return data;
    }

    public static JsonObject Request(int slot, JsonObject connectionData) => new() { ["configurationSlot"] = slot, ["connectionData"] = connectionData };

    public static JsonObject SetPriority(string value) => new()
    {
        ["setVariableData"] = new JsonArray(new JsonObject
        {
            ["attributeValue"] = value,
            ["component"] = new JsonObject { ["name"] = "OCPPCommCtrlr" },
            ["variable"] = new JsonObject { ["name"] = "NetworkConfigurationPriority" },
        }),
    };

    /// <summary>(status, reasonCode or null) of a SetNetworkProfile answer.</summary>
    public static (string? Status, string? Reason) ProfileAnswer(JsonElement answer)
    {
        var result = answer.GetProperty("result");
        return (result.GetProperty("status").GetString(), result.TryGetProperty("statusInfo", out var info) ? info.GetProperty("reasonCode").GetString() : null);
    }

    /// <summary>(attributeStatus, reasonCode or null) of the single result of a SetVariables answer.</summary>
    public static (string? Status, string? Reason) VariableAnswer(JsonElement answer)
    {
        var result = answer.GetProperty("result").GetProperty("setVariableResult")[0];
        return (result.GetProperty("attributeStatus").GetString(), result.TryGetProperty("attributeStatusInfo", out var info) ? info.GetProperty("reasonCode").GetString() : null);
    }

    public static async Task<string?> GetVariableAsync(StrictCsmsPeer peer, string identity, string component, string variable, string? instance = null)
    {
        var variableNode = new JsonObject { ["name"] = variable };
        if (instance is not null)
        {
            variableNode["instance"] = instance;
        }

        var answer = await peer.CallAsync("GetVariables", new JsonObject
        {
            ["getVariableData"] = new JsonArray(new JsonObject { ["component"] = new JsonObject { ["name"] = component }, ["variable"] = variableNode }),
        }, identity);
        return answer.GetProperty("result").GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString();
    }

    /// <summary>How often the station tried to open a WebSocket to <paramref name="peer"/> as <paramref name="identity"/>.</summary>
    public static int Attempts(StrictCsmsPeer peer, string identity) =>
        peer.Events.Count(e => StrictCsmsPeer.Is(e, "auth") && e.GetProperty("identity").GetString() == identity);
}
