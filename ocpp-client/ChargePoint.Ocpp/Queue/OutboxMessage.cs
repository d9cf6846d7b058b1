namespace ChargePoint.Ocpp.Queue;

/// <summary>What kind of message a queued row is; decides the dropping order when the queue is full.</summary>
public enum OutboxKind
{
    /// <summary>TransactionEvent Started/Ended and other messages that must never be dropped first.</summary>
    Essential = 0,

    /// <summary>TransactionEvent Updated: dropped first when the queue is full (E04/E13 queue rules).</summary>
    TransactionUpdated = 1,

    /// <summary>SecurityEventNotification.</summary>
    Security = 2,

    /// <summary>NotifyEvent of a hard-wired alert (Station/EventNotifications).</summary>
    Event = 3,
}

/// <summary>A queued CALL payload, committed to disk before the first send attempt.</summary>
public sealed record OutboxMessage(long Sequence, string Action, byte[] Payload, OutboxKind Kind, int Attempts);
