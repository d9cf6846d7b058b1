namespace ChargePoint.Firmware.Contracts.Diagnostics;

/// <summary>The <c>trace</c> answer: the messages of one session, oldest first.</summary>
public sealed record SessionTrace(string SessionId, IReadOnlyList<TraceMessage> Messages);

/// <summary>
/// One message on the wire. <see cref="Protocol"/> is <c>v2gtp</c> (<see cref="Raw"/> is the V2GTP payload,
/// <see cref="PayloadType"/> its type, <see cref="Text"/> the EXI decoded to XML) or <c>ocpp</c> (<see cref="Raw"/>
/// the UTF-8 frame, <see cref="Text"/> the JSON). <see cref="Direction"/> is <c>rx</c> or <c>tx</c> from the station's view.
/// </summary>
public sealed record TraceMessage(
    DateTimeOffset Timestamp,
    string Protocol,
    string Direction,
    string Connection,
    int? PayloadType,
    byte[] Raw,
    string Text);

/// <summary>Protocol names used in <see cref="TraceMessage.Protocol"/>.</summary>
public static class TraceProtocols
{
    public const string V2gtp = "v2gtp";
    public const string Ocpp = "ocpp";
}
