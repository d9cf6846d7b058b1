namespace ChargePoint.Hal.Abstractions;

/// <summary>Why a meter read failed. A failed read is a value, not an exception.</summary>
public enum MeterErrorKind
{
    Timeout,
    CommunicationError,
    InvalidResponse,
    DeviceException,
}

public readonly record struct MeterError(MeterErrorKind Kind, string Detail);

/// <summary>Either a reading or the error that prevented it.</summary>
public readonly record struct MeterReadResult
{
    private MeterReadResult(MeterReading? reading, MeterError? error)
    {
        Reading = reading;
        Error = error;
    }

    public MeterReading? Reading { get; }

    public MeterError? Error { get; }

    public bool IsSuccess => Reading is not null;

    public static MeterReadResult Success(MeterReading reading) => new(reading, null);

    public static MeterReadResult Failure(MeterErrorKind kind, string detail) => new(null, new MeterError(kind, detail));
}
