using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Pilot;

namespace ChargePoint.Firmware.Evse;

/// <summary>Awaits a debounced pilot state without polling.</summary>
public static class PilotWait
{
    public static async Task<CpState> UntilAsync(PilotController pilot, Func<CpState, bool> accept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        ArgumentNullException.ThrowIfNull(accept);
        var reached = new TaskCompletionSource<CpState>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, CpStateChange change)
        {
            if (accept(change.Current))
            {
                reached.TrySetResult(change.Current);
            }
        }

        pilot.StateChanged += OnChanged;
        try
        {
            var now = pilot.State;
            if (accept(now))
            {
                return now;
            }

            return await reached.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            pilot.StateChanged -= OnChanged;
        }
    }

    public static bool IsPlugged(CpState state) => state is CpState.B or CpState.C or CpState.D;
}
