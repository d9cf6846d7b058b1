using ChargePoint.Ocpp.Network;
using ChargePoint.Ocpp.Rpc;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Ocpp.Tests.Network;

/// <summary>The order in which connection attempts use the profiles (B10.FR.03/04/07/09).</summary>
public sealed class NetworkProfileRotationTests
{
    private List<int> _priority = [1, 2, 0];
    private readonly HashSet<int> _usable = [0, 1, 2];
    private readonly List<int> _activated = [];

    [Fact]
    public void After_boot_each_entry_gets_its_attempts_in_priority_order_then_the_last_successful_then_the_list_again()
    {
        var rotation = Rotation(lastSuccessful: 0, attempts: 2);
        Assert.Equal([1, 1, 2, 2, 0, 0, 0, 0, 1, 1], Dial(rotation, 10));
    }

    [Fact]
    public void A_lost_connection_retries_its_own_profile_first_then_the_others_in_priority_order()
    {
        var rotation = Rotation(lastSuccessful: null, attempts: 1);
        var first = rotation.Next();
        rotation.Connected(first);
        Assert.Equal([1], _activated);
        rotation.Disconnected(first);
        _priority = [2, 0, 1];
        Assert.Equal([1, 2, 0, 1], Dial(rotation, 4));
    }

    [Fact]
    public void Slots_without_a_usable_profile_are_skipped_and_a_switch_restarts_the_back_off()
    {
        _usable.Remove(2);
        var rotation = Rotation(lastSuccessful: null, attempts: 1);
        var endpoint = rotation.Next();
        Assert.Equal(1, endpoint.Slot);
        Assert.True(rotation.Failed(endpoint));
        Assert.Equal(0, rotation.Next().Slot);
    }

    [Fact]
    public void With_one_profile_the_back_off_keeps_growing()
    {
        _priority = [0];
        var rotation = Rotation(lastSuccessful: 0, attempts: 3);
        Assert.All(Enumerable.Range(0, 8), _ => Assert.False(rotation.Failed(rotation.Next())));
    }

    private NetworkProfileRotation Rotation(int? lastSuccessful, int attempts) =>
        new(() => _priority, () => attempts, slot => _usable.Contains(slot) ? new OcppEndpoint(slot, new Uri($"ws://127.0.0.1:1/{slot}"), "cp", 1, "password-0123456789", TimeSpan.FromSeconds(5)) : null,
            lastSuccessful, e => _activated.Add(e.Slot), NullLogger.Instance);

    private static List<int> Dial(NetworkProfileRotation rotation, int count)
    {
        var slots = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var endpoint = rotation.Next();
            slots.Add(endpoint.Slot);
            rotation.Failed(endpoint);
        }

        return slots;
    }
}
