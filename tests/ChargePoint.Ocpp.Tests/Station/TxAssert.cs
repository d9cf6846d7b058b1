using System.Text.Json;

namespace ChargePoint.Ocpp.Tests.Station;

/// <summary>Small helpers the transaction tests share: reading sampled values and waiting on real time.</summary>
public static class TxAssert
{
    public static double Sampled(List<JsonElement> values, string measurand) =>
        values.Single(v => v.GetProperty("measurand").GetString() == measurand).GetProperty("value").GetDouble();

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            await Task.Delay(20);
        }
    }
}
