using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using ChargePoint.V2g.Slac.Messages;

namespace ChargePoint.V2g.Link;

/// <summary>
/// The Linux transport: an <see cref="AddressFamily.Packet"/> raw socket for Ethertype 0x88E1 bound to one
/// interface (the PLC modem's). Needs CAP_NET_RAW. Frames are whole Ethernet frames without FCS.
/// </summary>
public sealed partial class PacketSocketChannel : IEthernetChannel
{
    private const int SolPacket = 263;
    private const int PacketAddMembership = 1;
    private const int PacketMrPromisc = 1;
    private const int PacketIgnoreOutgoing = 23;

    private readonly Socket _socket;

    private PacketSocketChannel(Socket socket, string interfaceName, int interfaceIndex, MacAddress localAddress)
    {
        _socket = socket;
        InterfaceName = interfaceName;
        InterfaceIndex = interfaceIndex;
        LocalAddress = localAddress;
    }

    public MacAddress LocalAddress { get; }

    public string InterfaceName { get; }

    public int InterfaceIndex { get; }

    /// <summary>
    /// Opens the socket on <paramref name="interfaceName"/>. Throws <see cref="EthernetLinkException"/> with an
    /// operator-readable reason when the interface does not exist or the process lacks CAP_NET_RAW.
    /// </summary>
    /// <param name="interfaceName">The interface, e.g. the PLC modem's eth1.</param>
    /// <param name="etherType">Ethertype to receive and send (HomePlug 0x88E1 by default).</param>
    /// <param name="promiscuous">Also receive frames for other MACs (the simulator plays several stations).</param>
    public static PacketSocketChannel Open(string interfaceName, ushort etherType = MmeFrame.EtherType, bool promiscuous = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interfaceName);
        if (!OperatingSystem.IsLinux())
        {
            throw new EthernetLinkException("Raw packet sockets need Linux.");
        }

        var index = (int)InterfaceIndexOf(interfaceName);
        if (index == 0)
        {
            var known = string.Join(", ", NetworkInterface.GetAllNetworkInterfaces().Select(n => n.Name).Order(StringComparer.Ordinal));
            throw new EthernetLinkException($"Network interface '{interfaceName}' does not exist (available: {known}). Check the PLC interface setting.");
        }

        Socket socket;
        try
        {
            socket = new Socket(AddressFamily.Packet, SocketType.Raw, (ProtocolType)(ushort)IPAddress.HostToNetworkOrder((short)etherType));
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AccessDenied)
        {
            throw new EthernetLinkException(
                $"Opening a raw packet socket on '{interfaceName}' needs CAP_NET_RAW: run as root, or grant it with `setcap cap_net_raw+ep` on the executable " +
                "(or AmbientCapabilities=CAP_NET_RAW in the systemd unit).",
                ex);
        }

        try
        {
            socket.Bind(new PacketEndPoint(index, etherType));
            TrySetOption(socket, PacketIgnoreOutgoing, BitConverter.GetBytes(1)); // no echo of our own frames (Linux 4.20+)
            if (promiscuous)
            {
                var request = new byte[16]; // packet_mreq: ifindex i32, type u16, alen u16, address[8]
                BinaryPrimitives.WriteInt32LittleEndian(request, index);
                BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(4), PacketMrPromisc);
                socket.SetRawSocketOption(SolPacket, PacketAddMembership, request);
            }

            var local = HardwareAddressOf(interfaceName)
                ?? throw new EthernetLinkException($"Interface '{interfaceName}' has no Ethernet hardware address.");
            return new PacketSocketChannel(socket, interfaceName, index, local);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken) =>
        await _socket.SendAsync(frame, SocketFlags.None, cancellationToken);

    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void TrySetOption(Socket socket, int option, byte[] value)
    {
        try
        {
            socket.SetRawSocketOption(SolPacket, option, value);
        }
        catch (SocketException)
        {
            // Older kernels lack the option; the protocol cores drop their own echoes anyway.
        }
    }

    /// <summary>The interface MAC from getifaddrs (which, like the socket, sees the calling thread's namespace).</summary>
    private static MacAddress? HardwareAddressOf(string interfaceName)
    {
        var bytes = NetworkInterface.GetAllNetworkInterfaces().FirstOrDefault(n => n.Name == interfaceName)?.GetPhysicalAddress().GetAddressBytes();
        return bytes is { Length: MacAddress.Length } ? MacAddress.Read(bytes) : null;
    }

    private static uint InterfaceIndexOf(string name) => if_nametoindex(name);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial uint if_nametoindex(string name);
}
