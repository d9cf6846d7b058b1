namespace ChargePoint.Hal.Linux.Serial;

public enum SerialParity
{
    None,
    Even,
    Odd,
}

/// <summary>One serial device. Bound from configuration (e.g. "Meter:Serial").</summary>
public sealed record SerialPortOptions
{
    /// <summary>Device path, e.g. /dev/ttymxc2 or /dev/ttyUSB0.</summary>
    public string Device { get; init; } = "";

    public int BaudRate { get; init; } = 9600;

    public SerialParity Parity { get; init; } = SerialParity.None;

    public int StopBits { get; init; } = 1;

    /// <summary>Let the kernel drive the RS-485 transceiver's DE line via RTS (TIOCSRS485).</summary>
    public bool Rs485 { get; init; }

    public int Rs485DelayRtsBeforeSendMilliseconds { get; init; }

    public int Rs485DelayRtsAfterSendMilliseconds { get; init; }

    /// <summary>Bits per character on the wire: start + 8 data + parity + stop.</summary>
    public int BitsPerCharacter => 1 + 8 + (Parity == SerialParity.None ? 0 : 1) + StopBits;
}
