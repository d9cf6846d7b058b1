using ChargePoint.V2g.Link;

namespace ChargePoint.V2g.Slac.Messages;

/// <summary>The Ethernet and MME header of a received HomePlug frame.</summary>
public readonly record struct MmeHeader(MacAddress Destination, MacAddress Source, byte Version, ushort Type);
