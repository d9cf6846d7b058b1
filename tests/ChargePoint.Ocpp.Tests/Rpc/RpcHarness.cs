using ChargePoint.Ocpp.Rpc;
using ChargePoint.Ocpp.Tests.Peer;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Ocpp.Tests.Rpc;

/// <summary>An <see cref="OcppRpcClient"/> running against the strict peer with short test timeouts.</summary>
public sealed class RpcHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    public RpcHarness(StrictCsmsPeer peer, string stationId, Action<OcppRpcOptions>? configure = null, Action<OcppRpcClient>? beforeStart = null)
    {
        Options = PeerFixture.TestOptions(peer, stationId);
        configure?.Invoke(Options);
        Client = new OcppRpcClient(Options, TimeProvider.System, NullLogger<OcppRpcClient>.Instance);
        beforeStart?.Invoke(Client);
        _run = Client.RunAsync(_stop.Token);
    }

    public OcppRpcOptions Options { get; }

    public OcppRpcClient Client { get; }

    public Task WaitConnectedAsync() => Client.WaitConnectedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        await Client.DisposeAsync();
        _stop.Dispose();
    }
}
