using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Safety;

/// <summary>
/// Compares each contactor's feedback with its command. A disagreement that outlasts the feedback timeout is a
/// fault: a contact still closed after an open command is welded; any other disagreement (no pick-up, dropping
/// out, a stuck mirror contact) is a feedback mismatch. Called from the supervisor's poll; not thread-safe.
/// </summary>
public sealed class ContactorMonitor(IReadOnlyList<IContactor> contactors, TimeProvider time, TimeSpan feedbackTimeout)
{
    private readonly long?[] _disagreeingSince = new long?[contactors.Count];

    /// <summary>Returns the first fault found, or null.</summary>
    public SafetyFault? Check()
    {
        for (var i = 0; i < contactors.Count; i++)
        {
            var contactor = contactors[i];
            var commanded = contactor.IsCommandedClosed;
            var feedback = contactor.IsFeedbackClosed;
            if (commanded == feedback)
            {
                _disagreeingSince[i] = null;
                continue;
            }

            _disagreeingSince[i] ??= time.GetTimestamp();
            if (time.GetElapsedTime(_disagreeingSince[i]!.Value) < feedbackTimeout)
            {
                continue;
            }

            return !commanded
                ? new SafetyFault(SafetyFaultKind.WeldedContactor, $"Contactor '{contactor.Name}' still reports closed {feedbackTimeout.TotalMilliseconds:0} ms after the open command: contact welded.", time.GetUtcNow())
                : new SafetyFault(SafetyFaultKind.ContactorFeedbackMismatch, $"Contactor '{contactor.Name}' is commanded closed but its feedback reports open for {feedbackTimeout.TotalMilliseconds:0} ms.", time.GetUtcNow());
        }

        return null;
    }

    /// <summary>True while any contactor's feedback disagrees with its command.</summary>
    public bool AnyDisagreement() => contactors.Any(c => c.IsCommandedClosed != c.IsFeedbackClosed);
}
