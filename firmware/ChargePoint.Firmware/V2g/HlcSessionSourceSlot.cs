using ChargePoint.Firmware.Contracts.V2g;

namespace ChargePoint.Firmware.V2g;

/// <summary>
/// Where the EVSE manager gets its high-level sessions from. The ISO 15118-20 SECC adapter fills it on a board;
/// in simulation the rig's EV does. Until something fills it the EVSE waits (and says so in the log).
/// </summary>
public sealed class HlcSessionSourceSlot
{
    private readonly TaskCompletionSource<IHlcSessionSource> _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Fill(IHlcSessionSource source) => _source.TrySetResult(source);

    public bool IsFilled => _source.Task.IsCompleted;

    public Task<IHlcSessionSource> WhenFilledAsync(CancellationToken cancellationToken) => _source.Task.WaitAsync(cancellationToken);
}
