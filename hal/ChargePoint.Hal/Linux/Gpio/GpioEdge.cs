namespace ChargePoint.Hal.Linux.Gpio;

/// <summary>An edge seen on an input line. <see cref="Asserted"/> is the logical level after the edge;
/// <see cref="TimestampNanoseconds"/> is the kernel's CLOCK_MONOTONIC stamp (zero where not known).</summary>
public readonly record struct GpioEdge(bool Asserted, ulong TimestampNanoseconds);
