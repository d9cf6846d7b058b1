namespace ChargePoint.V2g.Exi;

/// <summary>
/// The single error type of the EXI codec: malformed or truncated streams, unknown event codes, values outside
/// an XSD facet, a destination buffer that is too small, or a message that violates the schema on encode.
/// </summary>
public sealed class ExiException : Exception
{
    public ExiException()
    {
    }

    public ExiException(string message)
        : base(message)
    {
    }

    public ExiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
