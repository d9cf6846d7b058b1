namespace ChargePoint.Ocpp.Tests.Peer;

/// <summary>One strict CSMS per test class (basic auth on, password <see cref="Password"/>).</summary>
public sealed class PeerFixture : IAsyncLifetime
{
    public const string Password = "test-password-0123456789";

    public StrictCsmsPeer Peer { get; private set; } = null!;

    public async Task InitializeAsync() => Peer = await StrictCsmsPeer.StartAsync(Password);

    public async Task DisposeAsync() => await Peer.DisposeAsync();
}
