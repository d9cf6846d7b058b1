using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Linux.Interop;

namespace ChargePoint.Hal.Linux.Can;

/// <summary>
/// A raw SocketCAN socket (AF_CAN, SOCK_RAW, CAN_RAW) bound to one interface, with a receive thread. The bitrate
/// and link state are set outside the process (ip link set can0 type can bitrate 250000; ip link set can0 up).
/// </summary>
public sealed class SocketCanBus : ICanBus
{
    private readonly Socket _socket;
    private readonly Thread _receiver;
    private volatile bool _disposed;

    private SocketCanBus(Socket socket, string interfaceName)
    {
        _socket = socket;
        InterfaceName = interfaceName;
        _receiver = new Thread(Receive) { IsBackground = true, Name = $"can-rx-{interfaceName}" };
        _receiver.Start();
    }

    public event EventHandler<CanFrame>? FrameReceived;

    public string InterfaceName { get; }

    public static SocketCanBus Open(string interfaceName)
    {
        var index = LibC.IfNameToIndex(interfaceName);
        if (index == 0)
        {
            throw new DeviceIoException($"CAN interface '{interfaceName}' does not exist.", Errno.ENoEnt);
        }

        Socket socket;
        try
        {
            socket = new Socket(AddressFamily.ControllerAreaNetwork, SocketType.Raw, ProtocolType.Raw);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressFamilyNotSupported)
        {
            throw new DeviceIoException($"The kernel has no SocketCAN support (AF_CAN) for interface '{interfaceName}'; load the can and can_raw modules.", (int)ex.SocketErrorCode);
        }

        try
        {
            socket.Bind(new CanEndPoint((int)index));
            return new SocketCanBus(socket, interfaceName);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Send(CanFrame frame)
    {
        Span<byte> buffer = stackalloc byte[CanFrameCodec.Size];
        CanFrameCodec.Encode(frame, buffer);
        _socket.Send(buffer);
    }

    public void Dispose()
    {
        _disposed = true;
        _socket.Dispose();
        _receiver.Join(TimeSpan.FromSeconds(1));
    }

    private void Receive()
    {
        var buffer = new byte[CanFrameCodec.Size];
        while (!_disposed)
        {
            int n;
            try
            {
                n = _socket.Receive(buffer);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            if (n == CanFrameCodec.Size && CanFrameCodec.Decode(buffer) is { } frame)
            {
                FrameReceived?.Invoke(this, frame);
            }
        }
    }

    /// <summary><c>struct sockaddr_can</c> (24 bytes): family u16 @0, ifindex i32 @4, address union @8.</summary>
    internal sealed class CanEndPoint(int interfaceIndex) : EndPoint
    {
        public const int Size = 24;

        public override AddressFamily AddressFamily => AddressFamily.ControllerAreaNetwork;

        public int InterfaceIndex { get; } = interfaceIndex;

        public override SocketAddress Serialize()
        {
            var address = new SocketAddress(AddressFamily.ControllerAreaNetwork, Size);
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(bytes, InterfaceIndex);
            for (var i = 0; i < 4; i++)
            {
                address[4 + i] = bytes[i];
            }

            return address;
        }

        public override EndPoint Create(SocketAddress socketAddress) =>
            new CanEndPoint(socketAddress[4] | (socketAddress[5] << 8) | (socketAddress[6] << 16) | (socketAddress[7] << 24));
    }
}
