using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Linux.Gpio;
using ChargePoint.TestUtilities;

namespace ChargePoint.Hal.Tests.Linux.Gpio;

public sealed class GpioConnectorLockTests
{
    private static readonly ConnectorLockOptions Options = new()
    {
        LockLine = "LOCK_A",
        UnlockLine = "LOCK_B",
        FeedbackLine = "LOCK_FB",
        PulseDuration = TimeSpan.FromMilliseconds(300),
        FeedbackSettleTime = TimeSpan.FromMilliseconds(100),
        Attempts = 2,
    };

    private readonly FakeTimeProvider _time = new();
    private readonly FakeGpio _gpio;

    public GpioConnectorLockTests()
    {
        _gpio = new FakeGpio(_time);

        // The actuator: driving towards locked moves the position switch (once the motor has run 200 ms).
        _gpio["LOCK_A"].OnWrite = asserted => MoveAfter(asserted, locked: true);
        _gpio["LOCK_B"].OnWrite = asserted => MoveAfter(asserted, locked: false);
    }

    private bool Jammed { get; set; }

    [Fact]
    public void Locking_drives_one_direction_for_the_pulse_and_verifies_the_feedback()
    {
        using var connectorLock = new GpioConnectorLock(_gpio, Options, _time);

        connectorLock.Lock();
        Assert.True(connectorLock.IsCommandedLocked);
        Assert.True(_gpio["LOCK_A"].IsAsserted);
        Assert.False(_gpio["LOCK_B"].IsAsserted);

        _time.Advance(TimeSpan.FromMilliseconds(299));
        Assert.True(_gpio["LOCK_A"].IsAsserted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(_gpio["LOCK_A"].IsAsserted);

        _time.Advance(Options.FeedbackSettleTime);
        Assert.False(connectorLock.IsMoving);
        Assert.True(connectorLock.IsFeedbackLocked);
        Assert.Null(connectorLock.Fault);
        Assert.DoesNotContain(_gpio["LOCK_B"].Writes, w => w.Asserted);
    }

    [Fact]
    public void Both_directions_are_never_asserted_together()
    {
        using var connectorLock = new GpioConnectorLock(_gpio, Options, _time);
        _gpio["LOCK_A"].OnWrite = _ => Assert.False(_gpio["LOCK_A"].IsAsserted && _gpio["LOCK_B"].IsAsserted);
        _gpio["LOCK_B"].OnWrite = _gpio["LOCK_A"].OnWrite;

        connectorLock.Lock();
        _time.Advance(TimeSpan.FromMilliseconds(100));
        connectorLock.Unlock();

        Assert.True(_gpio["LOCK_B"].IsAsserted);
        Assert.False(_gpio["LOCK_A"].IsAsserted);
    }

    [Fact]
    public void A_jammed_lock_is_retried_then_reported_naming_the_feedback_line()
    {
        Jammed = true;
        using var connectorLock = new GpioConnectorLock(_gpio, Options, _time);

        connectorLock.Lock();
        _time.Advance((Options.PulseDuration + Options.FeedbackSettleTime) * 2);

        Assert.Equal(2, _gpio["LOCK_A"].Writes.Count(w => w.Asserted));
        Assert.NotNull(connectorLock.Fault);
        Assert.Contains("LOCK_FB", connectorLock.Fault, StringComparison.Ordinal);
        Assert.Contains("2 attempt", connectorLock.Fault, StringComparison.Ordinal);
        Assert.False(_gpio["LOCK_A"].IsAsserted);
    }

    [Fact]
    public void A_lock_that_opens_after_verification_is_a_fault_and_a_new_command_clears_it()
    {
        using var connectorLock = new GpioConnectorLock(_gpio, Options, _time);
        connectorLock.Lock();
        _time.Advance(Options.PulseDuration + Options.FeedbackSettleTime);
        Assert.Null(connectorLock.Fault);

        _gpio["LOCK_FB"].SetAsserted(false);

        Assert.Contains("reports unlocked while it is locked", connectorLock.Fault, StringComparison.Ordinal);

        connectorLock.Unlock();
        Assert.Null(connectorLock.Fault);
        _time.Advance(Options.PulseDuration + Options.FeedbackSettleTime);
        Assert.Null(connectorLock.Fault);
        Assert.False(connectorLock.IsFeedbackLocked);
    }

    private void MoveAfter(bool asserted, bool locked)
    {
        if (asserted && !Jammed)
        {
            _time.CreateTimer(_ => _gpio["LOCK_FB"].SetAsserted(locked), null, TimeSpan.FromMilliseconds(200), Timeout.InfiniteTimeSpan);
        }
    }
}
