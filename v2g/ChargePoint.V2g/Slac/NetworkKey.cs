using System.Security.Cryptography;
using System.Text;
using ChargePoint.V2g.Slac.Messages;

namespace ChargePoint.V2g.Slac;

/// <summary>
/// The network membership key (NMK) of the EVSE's AVLN and the network identifier (NID) derived from it
/// (HomePlug AV 4.4.3.1 / Green PHY; the EVSE hands both to the EV in CM_SLAC_MATCH.CNF).
/// </summary>
public sealed class NetworkKey
{
    private NetworkKey(byte[] nmk, byte[] nid)
    {
        Nmk = nmk;
        Nid = nid;
    }

    public byte[] Nmk { get; }

    public byte[] Nid { get; }

    /// <summary>The NID in hex, for logs (the NMK itself is never logged).</summary>
    public string NidHex => Convert.ToHexString(Nid);

    /// <summary>A fresh NMK from the OS CSPRNG over the full byte range; a new one for every session.</summary>
    public static NetworkKey Generate() => FromNmk(RandomNumberGenerator.GetBytes(SlacConstants.NmkLength));

    public static NetworkKey FromNmk(byte[] nmk, byte securityLevel = 0)
    {
        ArgumentNullException.ThrowIfNull(nmk);
        if (nmk.Length != SlacConstants.NmkLength)
        {
            throw new ArgumentException("An NMK has 16 bytes.", nameof(nmk));
        }

        return new NetworkKey((byte[])nmk.Clone(), DeriveNid(nmk, securityLevel));
    }

    /// <summary>
    /// NID = the first 54 bits of a 5-round SHA-256 hash chain over the NMK (PBKDF1 without salt), followed by the
    /// 2-bit security level (0 = simple connect) in bits 4-5 of the last byte.
    /// </summary>
    public static byte[] DeriveNid(ReadOnlySpan<byte> nmk, byte securityLevel = 0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(securityLevel, (byte)3);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(nmk, digest);
        for (var round = 1; round < 5; round++)
        {
            SHA256.HashData(digest, digest);
        }

        var nid = digest[..SlacConstants.NidLength].ToArray();
        nid[6] = (byte)((digest[6] >> 4) | (securityLevel << 4));
        return nid;
    }

    /// <summary>
    /// The NMK a HomePlug network password produces (1000 SHA-256 rounds over password and the fixed HomePlug salt).
    /// Not used by SLAC; it exists for diagnostics of bench modems that still carry a password-derived key.
    /// </summary>
    public static byte[] NmkFromPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        ReadOnlySpan<byte> salt = [0x08, 0x85, 0x6D, 0xAF, 0x7C, 0xF5, 0x81, 0x86];
        var input = new byte[Encoding.ASCII.GetByteCount(password) + salt.Length];
        var written = Encoding.ASCII.GetBytes(password, input);
        salt.CopyTo(input.AsSpan(written));
        var digest = SHA256.HashData(input);
        for (var round = 1; round < 1000; round++)
        {
            SHA256.HashData(digest, digest);
        }

        return digest[..SlacConstants.NmkLength];
    }
}
