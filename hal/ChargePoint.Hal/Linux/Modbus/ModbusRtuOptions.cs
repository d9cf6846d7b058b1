namespace ChargePoint.Hal.Linux.Modbus;

/// <summary>Timing and retry policy of the Modbus RTU master.</summary>
public sealed record ModbusRtuOptions
{
    /// <summary>Wait for the first byte of a response.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Wait for each further byte; generous because Linux UART drivers deliver in FIFO-sized bursts.</summary>
    public TimeSpan InterCharacterTimeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Further attempts after a timeout or CRC error (exceptions from the device are not retried).</summary>
    public int Retries { get; init; } = 2;
}
