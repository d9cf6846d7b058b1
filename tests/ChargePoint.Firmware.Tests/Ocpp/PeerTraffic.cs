using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Tests.Peer;

namespace ChargePoint.Firmware.Tests.Ocpp;

/// <summary>Reading the station's OCPP traffic as the strict CSMS saw it, and the CSMS requests the tests make.</summary>
internal static class PeerTraffic
{
    public const string Password = "fw-test-password-0123456789";

    public static string[] StationArguments(StrictCsmsPeer peer, string stationId) =>
    [
        $"--Ocpp:CsmsUrl={peer.Url()}",
        $"--Ocpp:StationId={stationId}",
        "--Ocpp:SecurityProfile=1",
        $"--Ocpp:BasicAuthPassword={Password}",
    ];

    public static IReadOnlyList<JsonElement> TransactionEvents(StrictCsmsPeer peer, string stationId, string transactionId) =>
        [.. peer.CallsFromStation("TransactionEvent", stationId).Where(e => e.GetProperty("transactionInfo").GetProperty("transactionId").GetString() == transactionId)];

    public static string EventType(JsonElement e) => e.GetProperty("eventType").GetString()!;

    /// <summary>Every sampled value of one measurand in a TransactionEvent, in order.</summary>
    public static IEnumerable<double> Sampled(JsonElement transactionEvent, string measurand) =>
        transactionEvent.TryGetProperty("meterValue", out var values)
            ? values.EnumerateArray().SelectMany(v => v.GetProperty("sampledValue").EnumerateArray())
                .Where(s => s.TryGetProperty("measurand", out var m) && m.GetString() == measurand)
                .Select(s => s.GetProperty("value").GetDouble())
            : [];

    /// <summary>A TxProfile in W asking for discharge (V2X CentralSetpoint), as a CSMS sends it.</summary>
    public static JsonObject DischargeProfile(int profileId, string? transactionId, string purpose = "TxProfile")
    {
        var request = Profile(profileId, transactionId, purpose);
        if (transactionId is null)
        {
            ((JsonObject)request["chargingProfile"]!).Remove("transactionId");
        }

        return request;
    }

    private static JsonObject Profile(int profileId, string? transactionId, string purpose) => new()
    {
        ["evseId"] = 1,
        ["chargingProfile"] = new JsonObject
        {
            ["id"] = profileId,
            ["stackLevel"] = 0,
            ["chargingProfilePurpose"] = purpose,
            ["chargingProfileKind"] = "Absolute",
            ["transactionId"] = transactionId,
            ["chargingSchedule"] = new JsonArray(new JsonObject
            {
                ["id"] = 1,
                ["chargingRateUnit"] = "W",
                ["startSchedule"] = DateTime.UtcNow.AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                ["chargingSchedulePeriod"] = new JsonArray(new JsonObject
                {
                    ["startPeriod"] = 0,
                    ["limit"] = 50_000,
                    ["dischargeLimit"] = -20_000,
                    ["setpoint"] = -15_000,
                    ["operationMode"] = "CentralSetpoint",
                }),
            }),
        },
    };

    /// <summary>seqNo runs 0, 1, 2, ... over a transaction's events in the order the CSMS received them (E01.FR.16).</summary>
    public static void AssertContinuous(IReadOnlyList<JsonElement> events)
    {
        Assert.Equal(Enumerable.Range(0, events.Count), events.Select(e => e.GetProperty("seqNo").GetInt32()));
        Assert.Equal("Started", EventType(events[0]));
        Assert.Equal("Ended", EventType(events[^1]));
        Assert.All(events.Skip(1).SkipLast(1), e => Assert.Equal("Updated", EventType(e)));
    }
}
