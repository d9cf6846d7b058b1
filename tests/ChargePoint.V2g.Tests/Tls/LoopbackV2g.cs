using System.Net;
using System.Security.Cryptography.X509Certificates;
using ChargePoint.TestUtilities.Pki;
using ChargePoint.V2g.Tls;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.V2g.Tests.Tls;

/// <summary>SECC listeners and EV connections on IPv6 loopback, shared by the socket-level tests.</summary>
internal static class LoopbackV2g
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>A listener that is not started yet; TLS with the PKI's SECC leaf when <paramref name="pki"/> is set.</summary>
    public static V2gListener CreateListener(
        V2gTestPki? pki,
        V2gTlsOptions? options = null,
        X509Certificate2Collection? evRoots = null,
        TimeProvider? clock = null,
        int maxPayloadLength = V2gtpOptions.DefaultMaxPayloadLength)
    {
        var authenticator = pki is null
            ? null
            : new SeccTlsAuthenticator(
                new SeccCredentials(pki.SeccLeaf, pki.SeccIntermediates, evRoots ?? []),
                options ?? new V2gTlsOptions(),
                clock ?? TimeProvider.System);
        return new V2gListener(IPAddress.IPv6Loopback, 0, authenticator, maxPayloadLength, NullLogger<V2gListener>.Instance);
    }

    public static V2gListener StartListener(
        V2gTestPki? pki,
        V2gTlsOptions? options = null,
        X509Certificate2Collection? evRoots = null,
        TimeProvider? clock = null)
    {
        var listener = CreateListener(pki, options, evRoots, clock);
        listener.Start();
        return listener;
    }

    /// <summary>EV connection to <paramref name="listener"/>; plain TCP when <paramref name="tls"/> is null.</summary>
    public static Task<IV2gConnection> ConnectAsync(V2gListener listener, EvTlsClientOptions? tls) =>
        V2gConnector.ConnectAsync(
            listener.LocalEndPoint!,
            tls is null ? null : new EvTlsAuthenticator(tls, TimeProvider.System),
            V2gtpOptions.DefaultMaxPayloadLength).WaitAsync(Patience);

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(5, deadline.Token);
        }
    }
}
