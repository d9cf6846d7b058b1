namespace ChargePoint.Hal.Linux.Modbus;

public enum ModbusErrorKind
{
    /// <summary>No (complete) response within the response timeout, after all retries.</summary>
    Timeout,

    /// <summary>Responses arrived but failed the CRC check, after all retries.</summary>
    CrcError,

    /// <summary>A response with a valid CRC that does not answer the request (wrong unit, function or length).</summary>
    InvalidResponse,

    /// <summary>The device answered with a Modbus exception (see <see cref="ModbusError.ExceptionCode"/>).</summary>
    DeviceException,
}

/// <summary>Why a Modbus transaction failed. Exception codes per Modbus Application Protocol V1.1b3 §7
/// (1 illegal function, 2 illegal data address, 3 illegal data value, 4 server device failure, 6 busy).</summary>
public readonly record struct ModbusError(ModbusErrorKind Kind, byte ExceptionCode, string Detail)
{
    public override string ToString() => Kind == ModbusErrorKind.DeviceException ? $"{Kind} 0x{ExceptionCode:X2}: {Detail}" : $"{Kind}: {Detail}";
}

/// <summary>The outcome of a Modbus transaction: a value or an error, never an exception for protocol faults.</summary>
public readonly record struct ModbusResult<T>
{
    public ModbusResult(T value)
    {
        Value = value;
        Error = null;
    }

    public ModbusResult(ModbusError error)
    {
        Value = default;
        Error = error;
    }

    public T? Value { get; }

    public ModbusError? Error { get; }

    public bool IsSuccess => Error is null;
}
