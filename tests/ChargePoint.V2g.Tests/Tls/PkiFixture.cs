using ChargePoint.TestUtilities.Pki;

namespace ChargePoint.V2g.Tests.Tls;

/// <summary>One test PKI (with OEM and contract chains) and one unrelated PKI, shared per test class.</summary>
public sealed class PkiFixture : IDisposable
{
    public static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public V2gTestPki Pki { get; } = V2gTestPki.Create(Now, withOemAndContract: true);

    /// <summary>Certificates no one trusts: a vehicle or SECC from another world.</summary>
    public V2gTestPki Foreign { get; } = V2gTestPki.Create(Now, withOemAndContract: true);

    public void Dispose()
    {
        Pki.Dispose();
        Foreign.Dispose();
    }
}
