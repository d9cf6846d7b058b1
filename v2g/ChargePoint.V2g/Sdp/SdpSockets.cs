using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChargePoint.V2g.Sdp;

/// <summary>Socket set-up shared by the SDP server and client.</summary>
internal static class SdpSockets
{
    /// <summary>ff02::1, link-local all-nodes: where EVs send SDP requests.</summary>
    public static readonly IPAddress AllNodes = IPAddress.Parse("ff02::1");

    private const int SolSocket = 1;
    private const int SoBindToDevice = 25;

    public static Socket CreateUdp() => new(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);

    /// <summary>Ties the socket to one interface (Linux SO_BINDTODEVICE), so a charger with several PLC
    /// interfaces runs one SDP server per connector on the same port, and SDP never answers the backend LAN.</summary>
    public static void BindToDevice(Socket socket, string interfaceName)
    {
        if (OperatingSystem.IsLinux())
        {
            socket.SetRawSocketOption(SolSocket, SoBindToDevice, Encoding.ASCII.GetBytes(interfaceName + "\0"));
        }
    }

    public static IPAddress AllNodesOn(int interfaceIndex) => new(AllNodes.GetAddressBytes(), interfaceIndex);
}
