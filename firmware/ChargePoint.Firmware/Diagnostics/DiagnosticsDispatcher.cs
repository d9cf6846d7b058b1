using System.Runtime.CompilerServices;
using System.Text.Json;
using ChargePoint.Firmware.Contracts.Diagnostics;
using ChargePoint.Firmware.Energy;
using ChargePoint.Firmware.Evse;
using ChargePoint.Firmware.Settlement;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePoint.Firmware.Diagnostics;

/// <summary>Turns one request line into its response(s). Every failure is an error response, never an exception
/// out of here: a technician's typo must not take the endpoint (let alone the station) down.</summary>
public sealed class DiagnosticsDispatcher(
    IStationSnapshots snapshots,
    SessionHistory history,
    TraceRecorder traces,
    IServiceProvider services,
    TimeProvider time)
{
    private const int DefaultLiveIntervalMs = 1000;

    public static DiagnosticsRequest? Parse(ReadOnlySpan<byte> line, out DiagnosticsResponse? error)
    {
        error = null;
        try
        {
            var request = JsonSerializer.Deserialize(line, DiagnosticsJsonContext.Default.DiagnosticsRequest);
            if (request?.Command is null)
            {
                error = DiagnosticsResponse.Failure(null, DiagnosticsErrors.BadRequest, "the request has no \"command\".");
                return null;
            }

            if (request.Version != DiagnosticsProtocol.Version)
            {
                error = DiagnosticsResponse.Failure(request.Command, DiagnosticsErrors.UnsupportedVersion, $"protocol version {request.Version} is not supported (this firmware speaks {DiagnosticsProtocol.Version}).");
                return null;
            }

            return request;
        }
        catch (JsonException ex)
        {
            error = DiagnosticsResponse.Failure(null, DiagnosticsErrors.BadRequest, $"the request is not a JSON object: {ex.Message}");
            return null;
        }
    }

    public async IAsyncEnumerable<DiagnosticsResponse> HandleAsync(DiagnosticsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = request.Command;
        switch (command)
        {
            case DiagnosticsCommands.Status:
                yield return new DiagnosticsResponse { Command = command, Status = snapshots.Status() };
                break;
            case DiagnosticsCommands.Sessions:
                yield return new DiagnosticsResponse { Command = command, Sessions = history.Recent() };
                break;
            case DiagnosticsCommands.Trace:
                yield return traces.Find(request.Session) is { } trace
                    ? new DiagnosticsResponse { Command = command, Trace = trace }
                    : DiagnosticsResponse.Failure(command, DiagnosticsErrors.NotFound, $"no trace of session '{request.Session}' (see `cpdiag sessions`).");
                break;
            case DiagnosticsCommands.SelfTest:
                yield return await SelfTestAsync(cancellationToken).ConfigureAwait(false);
                break;
            case DiagnosticsCommands.Settlement:
                yield return Settlement(request);
                break;
            case DiagnosticsCommands.Limit:
                yield return await LimitAsync(request, cancellationToken).ConfigureAwait(false);
                break;
            case DiagnosticsCommands.Priority:
                yield return await PriorityAsync(request, cancellationToken).ConfigureAwait(false);
                break;
            case DiagnosticsCommands.Live:
                await foreach (var sample in LiveAsync(request, cancellationToken).ConfigureAwait(false))
                {
                    yield return sample;
                }

                break;
            default:
                yield return DiagnosticsResponse.Failure(command, DiagnosticsErrors.UnknownCommand, $"unknown command '{command}' (known: {DiagnosticsCommands.All}).");
                break;
        }
    }

    private DiagnosticsResponse Settlement(DiagnosticsRequest request)
    {
        const string command = DiagnosticsCommands.Settlement;
        if (services.GetService<SettlementStore>() is not { } store)
        {
            return DiagnosticsResponse.Failure(command, DiagnosticsErrors.NotReady, "this station keeps no settlement records.");
        }

        if (request.TransactionId is { } id)
        {
            return store.Find(id) is { } record
                ? new DiagnosticsResponse { Command = command, Settlement = [SettlementView.Summary(record)] }
                : DiagnosticsResponse.Failure(command, DiagnosticsErrors.NotFound, $"no settlement record of transaction '{id}' (see `cpdiag settlement`).");
        }

        return new DiagnosticsResponse { Command = command, Settlement = [.. store.Latest(SettlementView.MaxRecords).Select(SettlementView.Summary)] };
    }

    private async Task<DiagnosticsResponse> LimitAsync(DiagnosticsRequest request, CancellationToken cancellationToken)
    {
        const string command = DiagnosticsCommands.Limit;
        if (services.GetService<SiteLimitInput>() is not { } input)
        {
            return DiagnosticsResponse.Failure(command, DiagnosticsErrors.NotReady, "this station takes no site limits.");
        }

        var evseId = request.EvseId ?? 0;
        ControlResult result;
        if (request.Clear == true)
        {
            result = await input.ClearAsync(evseId, cancellationToken).ConfigureAwait(false);
        }
        else if (request.ChargeLimitWatts is { } charge)
        {
            result = await input.SetAsync(evseId, charge, request.DischargeLimitWatts, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            return DiagnosticsResponse.Failure(command, DiagnosticsErrors.BadRequest, "`limit` needs \"chargeLimitWatts\" or \"clear\": true.");
        }

        return Answer(command, result, answer => new DiagnosticsResponse { Command = command, Limit = answer });
    }

    private async Task<DiagnosticsResponse> PriorityAsync(DiagnosticsRequest request, CancellationToken cancellationToken)
    {
        const string command = DiagnosticsCommands.Priority;
        if (services.GetService<PriorityChargingInput>() is not { } input)
        {
            return DiagnosticsResponse.Failure(command, DiagnosticsErrors.NotReady, "this station takes no local priority requests.");
        }

        if (request.Activate is not { } activate)
        {
            return DiagnosticsResponse.Failure(command, DiagnosticsErrors.BadRequest, "`priority` needs \"activate\": true or false.");
        }

        var result = await input.SetAsync(request.EvseId ?? 1, activate, cancellationToken).ConfigureAwait(false);
        return Answer(command, result, answer => new DiagnosticsResponse { Command = command, Priority = answer });
    }

    private static DiagnosticsResponse Answer(string command, ControlResult result, Func<ControlAnswer, DiagnosticsResponse> respond) =>
        result.ReasonCode == ControlResult.NotReadyCode
            ? DiagnosticsResponse.Failure(command, DiagnosticsErrors.NotReady, result.Detail ?? "not ready")
            : respond(new ControlAnswer(result.Applied, result.ReasonCode, result.Detail));

    private async Task<DiagnosticsResponse> SelfTestAsync(CancellationToken cancellationToken)
    {
        var runner = services.GetService<SelfTestRunner>();
        if (runner is null || services.GetService<EvseHostedService>() is null)
        {
            return DiagnosticsResponse.Failure(DiagnosticsCommands.SelfTest, DiagnosticsErrors.NotReady, "this station runs no EVSE hardware (no hardware composition started).");
        }

        try
        {
            return new DiagnosticsResponse { Command = DiagnosticsCommands.SelfTest, SelfTest = await runner.RunAsync(cancellationToken).ConfigureAwait(false) };
        }
        catch (SelfTestRefusedException ex)
        {
            return DiagnosticsResponse.Failure(DiagnosticsCommands.SelfTest, ex.Code, ex.Message);
        }
    }

    private async IAsyncEnumerable<DiagnosticsResponse> LiveAsync(DiagnosticsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Clamp(request.IntervalMilliseconds ?? DefaultLiveIntervalMs, 100, 10_000));
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            var samples = snapshots.Live();
            if (samples.Count == 0)
            {
                yield return DiagnosticsResponse.Failure(DiagnosticsCommands.Live, DiagnosticsErrors.NotReady, "no EVSE is running yet.");
                yield break;
            }

            foreach (var sample in samples)
            {
                yield return new DiagnosticsResponse { Command = DiagnosticsCommands.Live, Live = sample };
            }
        }
        while (await WaitAsync(timer, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
