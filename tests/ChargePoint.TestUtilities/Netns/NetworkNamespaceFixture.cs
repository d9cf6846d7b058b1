namespace ChargePoint.TestUtilities.Netns;

/// <summary>One namespace pair per test class, created lazily (a skipped class never touches the system).</summary>
public sealed class NetworkNamespaceFixture : IDisposable
{
    private readonly Lazy<NetworkNamespacePair> _pair = new(() => new NetworkNamespacePair());

    public NetworkNamespacePair Pair => _pair.Value;

    public void Dispose()
    {
        if (_pair.IsValueCreated)
        {
            _pair.Value.Dispose();
        }
    }
}
