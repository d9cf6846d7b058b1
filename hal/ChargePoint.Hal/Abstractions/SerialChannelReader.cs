namespace ChargePoint.Hal.Abstractions;

/// <summary>Receives what a serial channel delivers.</summary>
public delegate void SerialBytesReceived(ReadOnlySpan<byte> bytes);

/// <summary>
/// The receive side of a serial protocol: a background thread that reads <see cref="ISerialChannel"/> with a short
/// timeout (so a stop is seen promptly) and hands every chunk that arrives to a callback, until it is disposed or the
/// channel fails (an <see cref="IOException"/>: the other side is gone or the channel was closed under it, which the
/// protocol above notices as silence).
/// </summary>
public sealed class SerialChannelReader : IDisposable
{
    private static readonly TimeSpan DefaultPollTimeout = TimeSpan.FromMilliseconds(20);

    private readonly ISerialChannel _channel;
    private readonly SerialBytesReceived _received;
    private readonly TimeSpan _pollTimeout;
    private readonly Thread _thread;
    private volatile bool _stopped;

    public SerialChannelReader(ISerialChannel channel, string threadName, SerialBytesReceived received, TimeSpan? pollTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(received);
        _channel = channel;
        _received = received;
        _pollTimeout = pollTimeout ?? DefaultPollTimeout;
        _thread = new Thread(Run) { IsBackground = true, Name = threadName };
    }

    public void Start() => _thread.Start();

    /// <summary>Stops reading; waits up to a second for the thread (it wakes within one poll timeout).</summary>
    public void Dispose()
    {
        _stopped = true;
        if (_thread.IsAlive)
        {
            _thread.Join(TimeSpan.FromSeconds(1));
        }
    }

    private void Run()
    {
        var buffer = new byte[256];
        while (!_stopped)
        {
            int n;
            try
            {
                n = _channel.Read(buffer, _pollTimeout);
            }
            catch (IOException)
            {
                return;
            }

            _received(buffer.AsSpan(0, n));
        }
    }
}
