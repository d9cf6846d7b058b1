using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ChargePoint.Firmware.Contracts.Diagnostics;

namespace ChargePoint.Cli.Diagnostics;

/// <summary>A connection to the firmware's diagnostics socket; connection failures become one-line <see cref="CliFailureException"/>s.</summary>
internal sealed class DiagnosticsClient : IAsyncDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    private DiagnosticsClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new StreamReader(_stream, Encoding.UTF8);
    }

    public static async Task<DiagnosticsClient> ConnectAsync(string path, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
            return new DiagnosticsClient(socket);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw ex.SocketErrorCode switch
            {
                SocketError.AccessDenied => new CliFailureException(CliExitCodes.PermissionDenied,
                    $"permission denied on {path}: run as root or as a member of the socket's group (Diagnostics:Group, default '{DiagnosticsDefaults.Group}'), e.g. `sudo usermod -aG {DiagnosticsDefaults.Group} $USER`, then log in again."),
                SocketError.ConnectionRefused => new CliFailureException(CliExitCodes.FirmwareNotRunning,
                    $"the firmware is not running: nothing listens on {path} (check `systemctl status chargepoint`)."),
                _ when !Path.Exists(path) => new CliFailureException(CliExitCodes.FirmwareNotRunning,
                    $"the firmware is not running: no diagnostics socket at {path} (check `systemctl status chargepoint`, or pass --socket)."),
                _ => new CliFailureException(CliExitCodes.FirmwareNotRunning, $"cannot connect to {path}: {ex.Message}."),
            };
        }
    }

    /// <summary>Sends one request and returns its single answer; an error answer becomes a <see cref="CliFailureException"/>.</summary>
    public async Task<DiagnosticsResponse> AskAsync(DiagnosticsRequest request, CancellationToken cancellationToken)
    {
        await SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AnswerTimeout);
        await foreach (var response in ReadAllAsync(timeout.Token).ConfigureAwait(false))
        {
            return response;
        }

        throw new CliFailureException(CliExitCodes.FirmwareError, "the firmware closed the connection without an answer.");
    }

    public async Task SendAsync(DiagnosticsRequest request, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(request, DiagnosticsJsonContext.Default.DiagnosticsRequest);
        await _stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        await _stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers until the firmware closes the connection or <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<DiagnosticsResponse> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new CliFailureException(CliExitCodes.FirmwareError, $"the connection to the firmware broke: {ex.Message}");
            }

            if (line is null)
            {
                yield break;
            }

            yield return Check(Parse(line));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
    }

    private static DiagnosticsResponse Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, DiagnosticsJsonContext.Default.DiagnosticsResponse)
                ?? throw new CliFailureException(CliExitCodes.FirmwareError, "the firmware sent an empty answer.");
        }
        catch (JsonException ex)
        {
            throw new CliFailureException(CliExitCodes.FirmwareError, $"the firmware's answer is not protocol JSON: {ex.Message}");
        }
    }

    private static DiagnosticsResponse Check(DiagnosticsResponse response)
    {
        if (response.Error is not { } error)
        {
            return response;
        }

        var code = error.Code is DiagnosticsErrors.Busy or DiagnosticsErrors.NotReady ? CliExitCodes.EvseBusy : CliExitCodes.FirmwareError;
        throw new CliFailureException(code, $"{(code == CliExitCodes.EvseBusy ? "EVSE busy" : "firmware error")}: {error.Message}");
    }
}
