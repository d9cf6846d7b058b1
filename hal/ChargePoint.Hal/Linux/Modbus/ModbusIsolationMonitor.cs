using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Linux.Gpio;

namespace ChargePoint.Hal.Linux.Modbus;

/// <summary>
/// An insulation monitor on Modbus RTU (<see cref="IsolationMonitorOptions"/>, decoded by
/// <see cref="IsolationRegisterDecoder"/>). While measuring it is read every poll period in the background and the
/// safety poll judges the cached reading: the worse of the device's alarm and the IEC 61851-23 levels. A device
/// that gives no valid reading for the communication timeout is a fault: the insulation is then unknown.
/// </summary>
public sealed class ModbusIsolationMonitor : IIsolationMonitor, IDisposable
{
    private readonly Lock _gate = new();
    private readonly ModbusRtuMaster _master;
    private readonly IsolationMonitorOptions _options;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly IGpioOutput? _enable;
    private bool _measuring;
    private long _measuringSince;
    private Reading? _last;
    private string _lastError = "no answer yet";
    private int _refreshing;

    /// <summary>Creates the monitor; <paramref name="enable"/> is an optional output asserted while measuring
    /// (owned and disposed by this monitor).</summary>
    public ModbusIsolationMonitor(ModbusRtuMaster master, IsolationMonitorOptions options, TimeProvider time, IGpioOutput? enable = null)
    {
        ArgumentNullException.ThrowIfNull(master);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _master = master;
        _options = options;
        _time = time;
        _enable = enable;
        _timer = time.CreateTimer(_ => _ = RefreshAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool IsMeasuring
    {
        get
        {
            lock (_gate)
            {
                return _measuring;
            }
        }
    }

    public void Start()
    {
        lock (_gate)
        {
            if (_measuring)
            {
                return;
            }

            _enable?.Write(true);
            _measuring = true;
            _measuringSince = _time.GetTimestamp();
            _last = null;
            _timer.Change(TimeSpan.Zero, _options.PollPeriod);
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            _measuring = false;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _enable?.Write(false);
        }
    }

    public double? ReadIsolationResistanceOhms()
    {
        lock (_gate)
        {
            return _measuring && IsFresh(_last) ? _last!.ResistanceOhms : null;
        }
    }

    public IsolationStatus ReadStatus(IsolationThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        lock (_gate)
        {
            if (!_measuring)
            {
                return new(IsolationCondition.Unknown, null, "The insulation monitor is not measuring.");
            }

            if (!IsFresh(_last))
            {
                var since = _last?.At ?? _measuringSince;
                return _time.GetElapsedTime(since) >= _options.CommunicationTimeout
                    ? new(IsolationCondition.Fault, null, $"No valid reading from insulation monitor unit {_options.UnitAddress} for {_options.CommunicationTimeout.TotalSeconds:0.#} s ({_lastError}).")
                    : new(IsolationCondition.Unknown, null, $"Waiting for insulation monitor unit {_options.UnitAddress} ({_lastError}).");
            }

            var reading = _last!;
            var judged = thresholds.Evaluate(reading.ResistanceOhms);
            return reading.DeviceAlarm > judged.Condition
                ? new(reading.DeviceAlarm, reading.ResistanceOhms, $"Insulation monitor unit {_options.UnitAddress} reports {reading.DeviceDetail}; {judged.Detail}")
                : judged;
        }
    }

    /// <summary>Reads the device once (the poll timer calls this; tests call it directly).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }

        try
        {
            var count = (ushort)IsolationRegisterDecoder.RegisterCount(_options);
            var result = _options is { RegisterMap: IsolationRegisterMapKind.Generic, UseInputRegisters: true }
                ? await _master.ReadInputRegistersAsync(_options.UnitAddress, _options.ResistanceRegister, count, cancellationToken).ConfigureAwait(false)
                : await _master.ReadHoldingRegistersAsync(_options.UnitAddress, _options.ResistanceRegister, count, cancellationToken).ConfigureAwait(false);
            if (result.Error is { } error)
            {
                Fail(error.ToString());
                return;
            }

            var reading = _options.RegisterMap == IsolationRegisterMapKind.IsometerChannel
                ? FromIsometer(result.Value!)
                : await FromGenericAsync(result.Value!, cancellationToken).ConfigureAwait(false);
            if (reading is null)
            {
                return;
            }

            lock (_gate)
            {
                _last = reading;
            }
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _enable?.Dispose();
    }

    private Reading? FromIsometer(ushort[] registers)
    {
        var (ohms, alarm, detail) = IsolationRegisterDecoder.DecodeIsometerChannel(registers);
        if (ohms is null && alarm != IsolationCondition.Fault)
        {
            Fail($"measurement not valid yet ({detail})");
            return null;
        }

        return new Reading(ohms, alarm, detail, _time.GetTimestamp());
    }

    private async Task<Reading?> FromGenericAsync(ushort[] registers, CancellationToken cancellationToken)
    {
        var ohms = IsolationRegisterDecoder.DecodeGeneric(registers, _options);
        if (_options.AlarmRegister < 0)
        {
            return new Reading(ohms, IsolationCondition.Valid, "no device alarm", _time.GetTimestamp());
        }

        var alarm = _options.UseInputRegisters
            ? await _master.ReadInputRegistersAsync(_options.UnitAddress, (ushort)_options.AlarmRegister, 1, cancellationToken).ConfigureAwait(false)
            : await _master.ReadHoldingRegistersAsync(_options.UnitAddress, (ushort)_options.AlarmRegister, 1, cancellationToken).ConfigureAwait(false);
        if (alarm.Error is { } error)
        {
            Fail(error.ToString());
            return null;
        }

        return alarm.Value![0] != 0
            ? new Reading(ohms, IsolationCondition.Fault, $"alarm register {_options.AlarmRegister} = {alarm.Value[0]}", _time.GetTimestamp())
            : new Reading(ohms, IsolationCondition.Valid, "no device alarm", _time.GetTimestamp());
    }

    private void Fail(string error)
    {
        lock (_gate)
        {
            _lastError = error;
        }
    }

    private bool IsFresh(Reading? reading) =>
        reading is not null && _time.GetElapsedTime(reading.At) < _options.CommunicationTimeout;

    private sealed record Reading(double? ResistanceOhms, IsolationCondition DeviceAlarm, string DeviceDetail, long At);
}
