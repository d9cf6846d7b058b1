using System.Buffers.Binary;
using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Linux.Modbus;

/// <summary>
/// Modbus RTU master (Modbus over Serial Line V1.02, Modbus Application Protocol V1.1b3): function codes 3, 4,
/// 6 and 16, CRC check, response timeouts, retries, and at least 3.5 character times of silence before each
/// request (fixed 1.75 ms above 19200 baud, §2.5.1.1). One transaction at a time per bus.
/// </summary>
public sealed class ModbusRtuMaster(ISerialChannel channel, ModbusRtuOptions options, TimeProvider time) : IDisposable
{
    public const byte ReadHoldingRegistersFunction = 3;
    public const byte ReadInputRegistersFunction = 4;
    public const byte WriteSingleRegisterFunction = 6;
    public const byte WriteMultipleRegistersFunction = 16;

    private readonly SemaphoreSlim _bus = new(1, 1);
    private long _lastActivity;

    /// <summary>3.5 character times, or 1.75 ms above 19200 baud.</summary>
    public TimeSpan FrameSilence => channel.CharacterTime * 3.5 < TimeSpan.FromMilliseconds(1.75) ? TimeSpan.FromMilliseconds(1.75) : channel.CharacterTime * 3.5;

    public Task<ModbusResult<ushort[]>> ReadHoldingRegistersAsync(byte unit, ushort address, ushort count, CancellationToken cancellationToken = default) =>
        ReadRegistersAsync(unit, ReadHoldingRegistersFunction, address, count, cancellationToken);

    public Task<ModbusResult<ushort[]>> ReadInputRegistersAsync(byte unit, ushort address, ushort count, CancellationToken cancellationToken = default) =>
        ReadRegistersAsync(unit, ReadInputRegistersFunction, address, count, cancellationToken);

    public async Task<ModbusResult<bool>> WriteSingleRegisterAsync(byte unit, ushort address, ushort value, CancellationToken cancellationToken = default)
    {
        var request = new byte[8];
        request[0] = unit;
        request[1] = WriteSingleRegisterFunction;
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(2), address);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(4), value);
        ModbusCrc.Append(request);
        var result = await TransactAsync(request, 8, cancellationToken).ConfigureAwait(false);
        return result.Error is { } error ? new ModbusResult<bool>(error)
            : result.Value.AsSpan(0, 6).SequenceEqual(request.AsSpan(0, 6)) ? new ModbusResult<bool>(true)
            : new ModbusResult<bool>(new ModbusError(ModbusErrorKind.InvalidResponse, 0, "Write echo differs from the request."));
    }

    public async Task<ModbusResult<bool>> WriteMultipleRegistersAsync(byte unit, ushort address, IReadOnlyList<ushort> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(values.Count, 123);
        var request = new byte[9 + (2 * values.Count)];
        request[0] = unit;
        request[1] = WriteMultipleRegistersFunction;
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(2), address);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(4), (ushort)values.Count);
        request[6] = (byte)(2 * values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(7 + (2 * i)), values[i]);
        }

        ModbusCrc.Append(request);
        var result = await TransactAsync(request, 8, cancellationToken).ConfigureAwait(false);
        return result.Error is { } error ? new ModbusResult<bool>(error)
            : result.Value.AsSpan(0, 6).SequenceEqual(request.AsSpan(0, 6)) ? new ModbusResult<bool>(true)
            : new ModbusResult<bool>(new ModbusError(ModbusErrorKind.InvalidResponse, 0, "Write confirmation differs from the request."));
    }

    /// <summary>Releases the bus lock; the channel belongs to the caller.</summary>
    public void Dispose() => _bus.Dispose();

    /// <summary>Builds a read request frame (function 3 or 4) including its CRC.</summary>
    public static byte[] BuildReadRequest(byte unit, byte function, ushort address, ushort count)
    {
        var request = new byte[8];
        request[0] = unit;
        request[1] = function;
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(2), address);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(4), count);
        ModbusCrc.Append(request);
        return request;
    }

    private async Task<ModbusResult<ushort[]>> ReadRegistersAsync(byte unit, byte function, ushort address, ushort count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, (ushort)125);
        var request = BuildReadRequest(unit, function, address, count);
        var result = await TransactAsync(request, 5 + (2 * count), cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            return new ModbusResult<ushort[]>(error);
        }

        var response = result.Value!;
        if (response[2] != 2 * count)
        {
            return new ModbusResult<ushort[]>(new ModbusError(ModbusErrorKind.InvalidResponse, 0, $"Byte count {response[2]} for {count} registers."));
        }

        var registers = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            registers[i] = BinaryPrimitives.ReadUInt16BigEndian(response.AsSpan(3 + (2 * i)));
        }

        return new ModbusResult<ushort[]>(registers);
    }

    private async Task<ModbusResult<byte[]>> TransactAsync(byte[] request, int expectedLength, CancellationToken cancellationToken)
    {
        await _bus.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The serial calls block in poll() for up to the response timeout; run them on their own thread so
            // they never hold a thread-pool thread that timers (the safety poll among them) need.
            return await Task.Factory.StartNew(
                () => TransactWithRetries(request, expectedLength, cancellationToken),
                cancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            _bus.Release();
        }
    }

    private ModbusResult<byte[]> TransactWithRetries(byte[] request, int expectedLength, CancellationToken cancellationToken)
    {
        ModbusError lastError = default;
        for (var attempt = 0; attempt <= options.Retries; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = TransactOnce(request, expectedLength);
            if (result.Error is not { } error || error.Kind is ModbusErrorKind.DeviceException or ModbusErrorKind.InvalidResponse)
            {
                return result;
            }

            lastError = error with { Detail = $"{error.Detail} (after {attempt + 1} attempt(s))" };
        }

        return new ModbusResult<byte[]>(lastError);
    }

    private ModbusResult<byte[]> TransactOnce(byte[] request, int expectedLength)
    {
        var silence = FrameSilence - time.GetElapsedTime(Volatile.Read(ref _lastActivity));
        if (silence > TimeSpan.Zero)
        {
            Thread.Sleep(silence);
        }

        channel.DiscardInput();
        channel.Write(request);
        var response = new byte[Math.Max(expectedLength, 5)];
        var received = 0;
        var needed = response.Length;
        while (received < needed)
        {
            var timeout = received == 0 ? options.ResponseTimeout : options.InterCharacterTimeout;
            var n = channel.Read(response.AsSpan(received, needed - received), timeout);
            if (n == 0)
            {
                Volatile.Write(ref _lastActivity, time.GetTimestamp());
                return new ModbusResult<byte[]>(new ModbusError(ModbusErrorKind.Timeout, 0, received == 0
                    ? $"No response from unit {request[0]} within {options.ResponseTimeout.TotalMilliseconds:0} ms."
                    : $"Response from unit {request[0]} stopped after {received} of {needed} bytes."));
            }

            received += n;
            if (received >= 2 && (response[1] & 0x80) != 0)
            {
                needed = 5;
            }
        }

        Volatile.Write(ref _lastActivity, time.GetTimestamp());
        var frame = response.AsSpan(0, needed);
        if (!ModbusCrc.IsValid(frame))
        {
            return new ModbusResult<byte[]>(new ModbusError(ModbusErrorKind.CrcError, 0, $"CRC mismatch in {Convert.ToHexString(frame)}."));
        }

        if (frame[0] != request[0] || (frame[1] & 0x7F) != request[1])
        {
            return new ModbusResult<byte[]>(new ModbusError(ModbusErrorKind.InvalidResponse, 0, $"Response {Convert.ToHexString(frame)} does not answer unit {request[0]} function {request[1]}."));
        }

        if ((frame[1] & 0x80) != 0)
        {
            return new ModbusResult<byte[]>(new ModbusError(ModbusErrorKind.DeviceException, frame[2], $"Unit {request[0]} rejected function {request[1]}."));
        }

        return new ModbusResult<byte[]>(frame.ToArray());
    }
}
