using System.Buffers.Binary;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Linux.Modbus;

namespace ChargePoint.Hal.Simulated;

/// <summary>
/// A Modbus RTU server on a serial channel (e.g. the primary side of a pseudo-terminal), answering functions 3,
/// 4, 6 and 16 from register callbacks. A callback returning null makes the device answer exception 0x02
/// (illegal data address). Faults: silence (no answers) and corrupted CRCs.
/// </summary>
public sealed class SimulatedModbusDevice : IDisposable
{
    private readonly ISerialChannel _channel;
    private readonly byte _unit;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private int _corruptResponses;

    public SimulatedModbusDevice(ISerialChannel channel, byte unit)
    {
        _channel = channel;
        _unit = unit;
        _thread = new Thread(Serve) { IsBackground = true, Name = $"modbus-device-{unit}" };
        _thread.Start();
    }

    /// <summary>Input register (function 4) by address; null for an unmapped address.</summary>
    public Func<ushort, ushort?> InputRegister { get; set; } = _ => null;

    /// <summary>Holding register (function 3) by address; null for an unmapped address.</summary>
    public Func<ushort, ushort?> HoldingRegister { get; set; } = _ => null;

    /// <summary>Write to a holding register (functions 6 and 16); false rejects the address.</summary>
    public Func<ushort, ushort, bool> WriteRegister { get; set; } = (_, _) => false;

    /// <summary>While true the device receives but never answers (cable cut, powered off).</summary>
    public bool IsSilent { get; set; }

    public int RequestsReceived => Volatile.Read(ref _requests);

    private int _requests;

    /// <summary>The next <paramref name="count"/> responses go out with a broken CRC.</summary>
    public void CorruptNextResponses(int count) => Volatile.Write(ref _corruptResponses, count);

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    private void Serve()
    {
        var buffer = new byte[260];
        var length = 0;
        while (!_stop.IsCancellationRequested)
        {
            int n;
            try
            {
                n = _channel.Read(buffer.AsSpan(length), TimeSpan.FromMilliseconds(20));
            }
            catch (IOException)
            {
                return; // the wire is gone
            }

            if (n == 0)
            {
                length = 0; // a silent interval ends any partial frame
                continue;
            }

            length += n;
            var expected = ExpectedRequestLength(buffer.AsSpan(0, length));
            if (expected is null || length < expected)
            {
                continue;
            }

            var request = buffer.AsSpan(0, expected.Value).ToArray();
            length = 0;
            if (!ModbusCrc.IsValid(request) || request[0] != _unit)
            {
                continue; // RTU servers ignore frames with a bad CRC or for other units
            }

            Interlocked.Increment(ref _requests);
            if (IsSilent)
            {
                continue;
            }

            var response = Answer(request);
            if (Volatile.Read(ref _corruptResponses) > 0)
            {
                Interlocked.Decrement(ref _corruptResponses);
                response[^1] ^= 0xFF;
            }

            try
            {
                _channel.Write(response);
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    private static int? ExpectedRequestLength(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < 2)
        {
            return null;
        }

        return frame[1] switch
        {
            3 or 4 or 6 => 8,
            16 when frame.Length >= 7 => 9 + frame[6],
            16 => null,
            _ => 4,
        };
    }

    private byte[] Answer(byte[] request)
    {
        var function = request[1];
        var address = BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(2));
        var quantity = BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(4));
        switch (function)
        {
            case 3 or 4:
            {
                var source = function == 3 ? HoldingRegister : InputRegister;
                var response = new byte[5 + (2 * quantity)];
                response[0] = _unit;
                response[1] = function;
                response[2] = (byte)(2 * quantity);
                for (var i = 0; i < quantity; i++)
                {
                    if (source((ushort)(address + i)) is not { } value)
                    {
                        return Exception(function, 0x02);
                    }

                    BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(3 + (2 * i)), value);
                }

                ModbusCrc.Append(response);
                return response;
            }

            case 6:
                return WriteRegister(address, quantity) ? request : Exception(function, 0x02);
            case 16:
            {
                for (var i = 0; i < quantity; i++)
                {
                    if (!WriteRegister((ushort)(address + i), BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(7 + (2 * i)))))
                    {
                        return Exception(function, 0x02);
                    }
                }

                var response = new byte[8];
                request.AsSpan(0, 6).CopyTo(response);
                ModbusCrc.Append(response);
                return response;
            }

            default:
                return Exception(function, 0x01);
        }
    }

    private byte[] Exception(byte function, byte code)
    {
        var response = new byte[] { _unit, (byte)(function | 0x80), code, 0, 0 };
        ModbusCrc.Append(response);
        return response;
    }
}
