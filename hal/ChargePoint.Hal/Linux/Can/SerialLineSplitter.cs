namespace ChargePoint.Hal.Linux.Can;

/// <summary>
/// Cuts the byte stream of a serial-line CAN link into lines: every CR ends a line, a BEL is an error answer of
/// its own. A line longer than the protocol allows is noise and is dropped up to the next CR.
/// </summary>
public sealed class SerialLineSplitter
{
    private readonly byte[] _line = new byte[SerialLineCanCodec.MaxLineLength];
    private int _length;
    private bool _overrun;

    /// <summary>Bells (error answers) seen so far.</summary>
    public int Errors { get; private set; }

    /// <summary>Lines dropped because they were too long.</summary>
    public int Overruns { get; private set; }

    /// <summary>Feeds received bytes; <paramref name="onLine"/> gets each complete line without its CR.</summary>
    public void Feed(ReadOnlySpan<byte> bytes, LineHandler onLine)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        foreach (var b in bytes)
        {
            switch (b)
            {
                case SerialLineCanCodec.CarriageReturn:
                    if (!_overrun && _length > 0)
                    {
                        onLine(_line.AsSpan(0, _length));
                    }

                    _length = 0;
                    _overrun = false;
                    break;
                case SerialLineCanCodec.Bell:
                    Errors++;
                    _length = 0;
                    break;
                case (byte)'\n':
                    break; // some adapters end lines with CR LF
                default:
                    if (_length == _line.Length)
                    {
                        if (!_overrun)
                        {
                            Overruns++;
                        }

                        _overrun = true;
                    }
                    else if (!_overrun)
                    {
                        _line[_length++] = b;
                    }

                    break;
            }
        }
    }

    public delegate void LineHandler(ReadOnlySpan<byte> line);
}
