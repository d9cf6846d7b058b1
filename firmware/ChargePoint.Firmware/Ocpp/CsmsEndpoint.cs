namespace ChargePoint.Firmware.Ocpp;

/// <summary>
/// Where the station's CSMS is: <c>Ocpp:CsmsUrl</c> when configured, otherwise (simulation) the URL of the CSMS the
/// simulation rig starts, known only once the rig is up. Without either the station runs without OCPP.
/// </summary>
public sealed class CsmsEndpoint
{
    private readonly TaskCompletionSource<Uri?> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="isConfigured">Whether Ocpp:CsmsUrl is set (the OCPP settings reader validates it).</param>
    /// <param name="simulationProvidesCsms">True when <c>--simulate</c> runs without Ocpp:CsmsUrl (built-in CSMS).</param>
    public CsmsEndpoint(bool isConfigured, bool simulationProvidesCsms)
    {
        IsConfigured = isConfigured;
        ExpectsCsms = isConfigured || simulationProvidesCsms;
        if (!simulationProvidesCsms || isConfigured)
        {
            _url.TrySetResult(null);
        }
    }

    /// <summary>Whether a CSMS is (or will be) known: the OCPP client and its station port are used.</summary>
    public bool ExpectsCsms { get; }

    /// <summary>Whether the URL came from Ocpp:CsmsUrl (as opposed to the simulation's CSMS).</summary>
    public bool IsConfigured { get; }

    /// <summary>The simulation CSMS's URL once the rig started it; null when there is none (or the URL is configured).</summary>
    public Task<Uri?> UrlAsync(CancellationToken cancellationToken) => _url.Task.WaitAsync(cancellationToken);

    /// <summary>The simulation rig started its CSMS here (null: it did not start one).</summary>
    public void Provide(Uri? url) => _url.TrySetResult(url);
}
