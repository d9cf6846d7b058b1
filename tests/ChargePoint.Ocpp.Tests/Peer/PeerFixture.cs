using ChargePoint.Ocpp.Rpc;

namespace ChargePoint.Ocpp.Tests.Peer;

/// <summary>One strict CSMS per test class (basic auth on, password <see cref="Password"/>).</summary>
public sealed class PeerFixture : IAsyncLifetime
{
    public const string Password = "test-password-0123456789";

    public StrictCsmsPeer Peer { get; private set; } = null!;

    /// <summary>Security profile 1 against <paramref name="peer"/> with timeouts short enough for tests.</summary>
    public static OcppRpcOptions TestOptions(StrictCsmsPeer peer, string stationId) => TestOptions(peer.Url(), stationId, Password);

    /// <summary>The same options for a process that only knows the peer's address (the crash child).</summary>
    public static OcppRpcOptions TestOptions(Uri csmsUrl, string stationId, string password) => new()
    {
        CsmsUrl = csmsUrl,
        StationId = stationId,
        SecurityProfile = 1,
        BasicAuthPassword = password,
        MessageTimeout = TimeSpan.FromSeconds(3),
        RetryBackOffWaitMinimum = TimeSpan.FromMilliseconds(100),
        RetryBackOffRandomRange = TimeSpan.FromMilliseconds(50),
        RetryBackOffRepeatTimes = 2,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    public async Task InitializeAsync() => Peer = await StrictCsmsPeer.StartAsync(Password);

    public async Task DisposeAsync() => await Peer.DisposeAsync();
}
