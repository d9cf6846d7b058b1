namespace ChargePoint.Hal.Configuration;

/// <summary>One contactor of the direct front end: coil driver output and mirror-contact input.</summary>
public sealed record GpioContactorOptions
{
    public string Name { get; init; } = "";

    public string DriveLine { get; init; } = "";

    public string FeedbackLine { get; init; } = "";

    public bool FeedbackActiveLow { get; init; }
}
