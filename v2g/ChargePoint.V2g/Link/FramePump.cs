using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ChargePoint.V2g.Link;

/// <summary>Receives one Ethernet frame (valid only for the duration of the call).</summary>
public delegate void FrameHandler(ReadOnlySpan<byte> frame);

/// <summary>
/// Moves frames between an <see cref="IEthernetChannel"/> and a synchronous protocol core: a receive loop feeds the
/// handler, and <see cref="Enqueue"/> (safe to call under the core's lock) hands frames to a send loop. A failing
/// handler or send is logged and the loops go on: a bad frame never stops the link.
/// </summary>
public sealed partial class FramePump(IEthernetChannel channel, ILogger logger) : IAsyncDisposable
{
    private readonly Channel<byte[]> _outbox = System.Threading.Channels.Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly CancellationTokenSource _stop = new();
    private Task _loops = Task.CompletedTask;

    public IEthernetChannel Link => channel;

    public void Enqueue(byte[] frame) => _outbox.Writer.TryWrite(frame);

    public void Start(FrameHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _loops = Task.WhenAll(Task.Run(() => ReceiveLoopAsync(handler)), Task.Run(SendLoopAsync));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _outbox.Writer.TryComplete();
        try
        {
            await _loops;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync(FrameHandler handler)
    {
        var buffer = new byte[2048];
        while (!_stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await channel.ReceiveAsync(buffer, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ObjectDisposedException or IOException)
            {
                LogReceiveFailed(logger, channel.InterfaceName, ex);
                await Task.Delay(100, CancellationToken.None);
                continue;
            }

            try
            {
                handler(buffer.AsSpan(0, length));
            }
#pragma warning disable CA1031 // a frame that trips a bug in a handler must not take the link down; it is logged
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogHandlerFailed(logger, length, ex);
            }
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync(_stop.Token))
            {
                try
                {
                    await channel.SendAsync(frame, _stop.Token);
                }
                catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException)
                {
                    LogSendFailed(logger, channel.InterfaceName, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Link {Interface}: receive failed")]
    private static partial void LogReceiveFailed(ILogger logger, string @interface, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Link: handling a {Length}-byte frame failed")]
    private static partial void LogHandlerFailed(ILogger logger, int length, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Link {Interface}: send failed")]
    private static partial void LogSendFailed(ILogger logger, string @interface, Exception exception);
}
