using System.Globalization;
using System.Text;

namespace ChargePoint.Ocpp.Json;

/// <summary>
/// Collects violations while generated validators walk a payload. The current JSON pointer is kept as a stack of
/// segments so a valid payload allocates no path strings.
/// </summary>
public sealed class OcppValidationContext
{
    /// <summary>Enough to explain a bad payload; more would only make the log line longer.</summary>
    public const int MaxViolations = 16;

    private readonly List<(string? Name, int Index)> _segments = [];
    private readonly List<OcppViolation> _violations = [];

    public bool IsValid => _violations.Count == 0;

    public IReadOnlyList<OcppViolation> Violations => _violations;

    /// <summary>The violation that decides the CALLERROR code: the first one found.</summary>
    public OcppViolation? First => _violations.Count == 0 ? null : _violations[0];

    public void Enter(string property) => _segments.Add((property, 0));

    public void Enter(int index) => _segments.Add((null, index));

    public void Exit() => _segments.RemoveAt(_segments.Count - 1);

    public void Report(OcppErrorCode code, string message)
    {
        if (_violations.Count >= MaxViolations)
        {
            return;
        }

        var path = new StringBuilder();
        foreach (var segment in _segments)
        {
            path.Append('/').Append(segment.Name ?? segment.Index.ToString(CultureInfo.InvariantCulture));
        }

        _violations.Add(new OcppViolation(code, path.ToString(), message));
    }

    public void Reset()
    {
        _segments.Clear();
        _violations.Clear();
    }

    public override string ToString() => string.Join("; ", _violations);
}
