using System.Net;
using BenchmarkDotNet.Attributes;
using ChargePoint.Simulators.Ev;
using ChargePoint.TestUtilities.Pki;
using ChargePoint.V2g.AppProtocol;
using ChargePoint.V2g.Exi.AppProtocol;
using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;
using ChargePoint.V2g.Secc;
using ChargePoint.V2g.Secc.States;
using ChargePoint.V2g.Tls;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Benchmarks.V2g;

/// <summary>
/// DC_BPT Dynamic ChargeLoop. <see cref="Processing"/>: request bytes → decode → ChargeLoop state and handler →
/// header → encode (what the SECC does per request, without I/O). <see cref="TlsRoundTrip"/>: the EV sends a
/// DC_ChargeLoopReq to our real SECC session over TLS 1.3 on IPv6 loopback and reads the DC_ChargeLoopRes
/// (encode, TLS, TCP, SECC decode/handle/encode, back). Run:
///   dotnet run -c Release --project tests/ChargePoint.Benchmarks -- --filter '*SeccChargeLoop*'
/// </summary>
[Config(typeof(PerRoundTripConfig))]
public class SeccChargeLoopBenchmark
{
    private readonly byte[] _output = new byte[4096];
    private readonly byte[] _buffer = new byte[4096];
    private readonly EvRequests _requests = new(new EvSimulatorOptions());
    private byte[] _request = [];
    private SessionContext _session = null!;
    private SeccEnvironment _environment = null!;
    private V2gTestPki _pki = null!;
    private V2gListener _listener = null!;
    private CancellationTokenSource _stop = null!;
    private Task _host = Task.CompletedTask;
    private IV2gConnection _ev = null!;
    private byte[] _sessionId = new byte[8];

    [GlobalSetup(Target = nameof(Processing))]
    public void SetupProcessing()
    {
        var options = new SeccOptions();
        _environment = new SeccEnvironment(Control(), new BenchFirmware(null), new PausedSessionStore(), () => new byte[8]);
        _session = new SessionContext(options, TimeProvider.System)
        {
            Protocol = V2gApplicationProtocol.Iso20Dc,
            Service = EnergyTransferService.DcBpt,
            ControlMode = ControlMode.Dynamic,
            EvccId = "EV",
        };
        var request = _requests.ChargeLoop(0, meterInfo: false);
        request.Header = new MessageHeaderType { SessionID = new byte[8], TimeStamp = 1_700_000_000 };
        var (_, length) = Iso20MessageCodec.Encode(request, _buffer);
        _request = _buffer[..length];
    }

    [Benchmark]
    public int Processing()
    {
        var request = (V2GRequestType)Iso20MessageCodec.Decode((ushort)V2gtpPayloadType.DcMessages, _request);
        var step = ChargeLoopState.Instance.Handle(request, _session, _environment);
        step.Response.Header = new MessageHeaderType { SessionID = _session.SessionId, TimeStamp = 1_700_000_000 };
        return Iso20MessageCodec.Encode(step.Response, _output).Length;
    }

    [GlobalSetup(Target = nameof(TlsRoundTrip))]
    public void SetupTls() => SetupTlsAsync().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> TlsRoundTrip()
    {
        var response = await ExchangeAsync(_requests.ChargeLoop(0, meterInfo: false));
        return (int)response.ResponseCode;
    }

    [GlobalCleanup(Target = nameof(TlsRoundTrip))]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private static SeccControl Control()
    {
        var control = new SeccControl(new DcEvseLimits(60_000, 0, 150, 0, 500, 150, 30_000, 0, 80, 0), new AcEvseLimits(22_000, 1_400, 11_000, 0, 50, 230));
        control.SetPresentValues(400, 100);
        control.Authorize(true);
        control.ReportIsolation(IsolationStatus.Valid);
        return control;
    }

    private async Task SetupTlsAsync()
    {
        _pki = V2gTestPki.Create(DateTimeOffset.UtcNow);
        var tls = new SeccTlsAuthenticator(new SeccCredentials(_pki.SeccLeaf, _pki.SeccIntermediates, []), new V2gTlsOptions(), TimeProvider.System);
        _listener = new V2gListener(IPAddress.IPv6Loopback, 0, tls, V2gtpOptions.DefaultMaxPayloadLength, NullLogger<V2gListener>.Instance);
        _listener.Start();

        // Benchmark pauses between phases exceed the 0.5 s loop timeout; it is not what is measured here.
        var options = new SeccOptions { Timings = new SeccTimings { ChargeLoopSequenceTimeout = TimeSpan.FromHours(1) } };
        var control = Control();
        _stop = new CancellationTokenSource();
        var host = SeccSessionHost.ForListener(_listener, options, control, new BenchFirmware(control), TimeProvider.System, NullLogger<SeccSessionHost>.Instance);
        _host = host.RunAsync(_stop.Token);
        var evTls = new EvTlsAuthenticator(new EvTlsClientOptions { TrustedRoots = [_pki.V2gRoot] }, TimeProvider.System);
        _ev = await V2gConnector.ConnectAsync(_listener.LocalEndPoint!, evTls, V2gtpOptions.DefaultMaxPayloadLength);

        var sap = _requests.AppProtocols();
        var length = AppProtocolCodec.Encode(new AppProtocolDocument(AppProtocolRoot.supportedAppProtocolReq, sap), _buffer);
        await _ev.SendAsync(new V2gtpMessage(V2gtpPayloadType.SapOrLegacyExi, _buffer.AsMemory(0, length)));
        await _ev.ReceiveAsync();
        var setup = _requests.SessionSetup();
        _sessionId = (await ExchangeAsync(setup)).Header.SessionID;
        await ExchangeAsync(EvRequests.AuthorizationSetup());
        await ExchangeAsync(EvRequests.Authorization());
        await ExchangeAsync(_requests.ServiceDiscovery());
        await ExchangeAsync(_requests.ServiceDetail());
        await ExchangeAsync(_requests.ServiceSelection(ServiceCatalog.ParameterSetId(ControlMode.Dynamic)));
        await ExchangeAsync(_requests.ChargeParameterDiscovery());
        await ExchangeAsync(_requests.ScheduleExchange());
        await ExchangeAsync(EvRequests.CableCheck());
        await ExchangeAsync(_requests.PreCharge(finished: true));
        var start = await ExchangeAsync(_requests.PowerDelivery(chargeProgressType.Start, null, DateTimeOffset.UtcNow));
        if (start.ResponseCode != ChargePoint.V2g.Exi.Iso20.responseCodeType.OK)
        {
            throw new InvalidOperationException("Session did not reach the charge loop: " + start.ResponseCode);
        }
    }

    private async Task<V2GResponseType> ExchangeAsync(V2GRequestType request)
    {
        request.Header = new MessageHeaderType { SessionID = _sessionId, TimeStamp = 1_700_000_000 };
        var (payloadType, length) = Iso20MessageCodec.Encode(request, _buffer);
        await _ev.SendAsync(new V2gtpMessage(payloadType, _buffer.AsMemory(0, length)));
        var read = await _ev.ReceiveAsync();
        return (V2GResponseType)Iso20MessageCodec.Decode(read.Message.PayloadType, read.Message.Payload.Span);
    }

    private async Task CleanupAsync()
    {
        await _ev.DisposeAsync();
        await _stop.CancelAsync();
        await _listener.DisposeAsync();
        await _host;
        _pki.Dispose();
    }

    /// <summary>Authorizes, passes the isolation test and keeps 400 V / 100 A; records nothing.</summary>
    private sealed class BenchFirmware(SeccControl? control) : ISeccFeedback
    {
        public void OnSessionStateChanged(SeccSessionState state)
        {
        }

        public void OnAuthorizationRequired(string evccId) => control?.Authorize(true);

        public void OnServiceSelected(EnergyTransferService service, ControlMode controlMode, ushort parameterSetId)
        {
        }

        public void OnEvChargingNeeds(EvChargingNeeds needs)
        {
        }

        public void OnCableCheckRequested() => control?.ReportIsolation(IsolationStatus.Valid);

        public void OnPreCharge(double targetVoltage) => control?.SetPresentValues(targetVoltage, 100);

        public void OnPowerDelivery(PowerDeliveryCommand command)
        {
        }

        public void OnEvPowerProfile(EvPowerProfile profile)
        {
        }

        public void OnChargeLoop(EvLoopStatus status)
        {
        }

        public void OnSafeState(SafeStateReason reason)
        {
        }
    }
}
