namespace ChargePoint.Hal.Abstractions;

/// <summary>A bidirectional energy meter on the vehicle side of the EVSE.</summary>
public interface IEnergyMeter
{
    string MeterId { get; }

    ValueTask<MeterReadResult> ReadAsync(CancellationToken cancellationToken = default);
}
