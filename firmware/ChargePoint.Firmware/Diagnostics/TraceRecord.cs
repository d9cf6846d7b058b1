namespace ChargePoint.Firmware.Diagnostics;

/// <summary>One message as captured on the I/O path: bytes only; decoding to text waits until someone asks.</summary>
internal sealed record TraceRecord(DateTimeOffset Timestamp, string Protocol, string Direction, string Connection, int? PayloadType, byte[] Raw);
