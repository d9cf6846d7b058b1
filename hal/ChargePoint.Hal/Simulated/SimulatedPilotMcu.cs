using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Drivers.PilotMcu;

namespace ChargePoint.Hal.Simulated;

/// <summary>
/// The MCU end of the pilot front-end link (PROTOCOL.md in Drivers/PilotMcu) on a serial channel: applies SetPilot
/// to a simulated pilot, switches contactors, reports Status every 10 ms and goes to its safe state (F, contactors
/// open, heartbeat-lost flag) when the host falls silent for 250 ms.
/// </summary>
public sealed class SimulatedPilotMcu : IDisposable
{
    /// <summary>The link's heartbeat timeout (PROTOCOL.md).</summary>
    public static readonly TimeSpan DefaultHeartbeatTimeout = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly ISerialChannel _channel;
    private readonly SimulatedControlPilot _pilot;
    private readonly IProximityPilot _proximity;
    private readonly TimeProvider _time;
    private readonly TimeSpan _heartbeatTimeout;
    private readonly ITimer _tick;
    private readonly SerialChannelReader _reader;
    private readonly PilotMcuFrameReader _frames = new();
    private volatile bool _disposed;
    private DateTimeOffset _lastHostFrame;
    private byte _sequence;

    /// <summary>Starts serving; <paramref name="heartbeatTimeout"/> defaults to the protocol's 250 ms (tests on
    /// loaded machines may relax it).</summary>
    public SimulatedPilotMcu(ISerialChannel channel, SimulatedControlPilot pilot, IProximityPilot proximity, TimeProvider time, TimeSpan? heartbeatTimeout = null)
    {
        _heartbeatTimeout = heartbeatTimeout ?? DefaultHeartbeatTimeout;
        _channel = channel;
        _pilot = pilot;
        _proximity = proximity;
        _time = time;
        _lastHostFrame = time.GetUtcNow();
        _reader = new SerialChannelReader(channel, "sim-pilot-mcu", OnBytes);
        _reader.Start();
        _tick = time.CreateTimer(_ => Tick(), null, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10));
    }

    public byte ContactorsClosed { get; private set; }

    public bool HeartbeatLost { get; private set; }

    public bool EmergencyStopPressed { get; set; }

    public bool ResidualCurrentTripped { get; set; }

    public int FramesFromHost { get; private set; }

    public void Dispose()
    {
        _disposed = true;
        _tick.Dispose();
        _reader.Dispose();
    }

    private void OnBytes(ReadOnlySpan<byte> bytes)
    {
        foreach (var frame in _frames.Feed(bytes))
        {
            Handle(frame);
        }
    }

    private void Handle(PilotMcuFrame frame)
    {
        lock (_gate)
        {
            FramesFromHost++;
            _lastHostFrame = _time.GetUtcNow();
            switch (frame.Type)
            {
                case PilotMcuFrame.SetPilot when PilotMcuPilotMode.ParseSetPilot(frame.Payload) is { } output:
                    HeartbeatLost = false;
                    _pilot.SetOutput(output);
                    break;
                case PilotMcuFrame.SetContactors when frame.Payload.Length >= 1 && !HeartbeatLost:
                    ContactorsClosed = frame.Payload[0];
                    break;
            }
        }
    }

    private void Tick()
    {
        byte[] status;
        lock (_gate)
        {
            if (!HeartbeatLost && _time.GetUtcNow() - _lastHostFrame > _heartbeatTimeout)
            {
                HeartbeatLost = true;
                ContactorsClosed = 0;
                _pilot.SetOutput(PilotOutput.StateF);
            }

            var measurement = _pilot.ReadMeasurement();
            var output = _pilot.Output;
            var pp = _proximity.ReadResistanceOhms();
            var flags = (byte)((EmergencyStopPressed ? PilotMcuStatus.FlagEmergencyStop : 0)
                | (ResidualCurrentTripped ? PilotMcuStatus.FlagResidualCurrentTripped : 0)
                | (HeartbeatLost ? PilotMcuStatus.FlagHeartbeatLost : 0));
            var payload = new PilotMcuStatus(
                (short)Math.Round(measurement.HighPlateauVolts * 1000),
                (short)Math.Round(measurement.LowPlateauVolts * 1000),
                double.IsFinite(pp) && pp < PilotMcuStatus.ProximityOpen ? (ushort)pp : PilotMcuStatus.ProximityOpen,
                ContactorsClosed,
                flags,
                output.Mode,
                (ushort)Math.Round(output.DutyPercent * 100)).ToPayload();
            status = new PilotMcuFrame(PilotMcuFrame.Status, _sequence++, payload).Encode();
        }

        if (_disposed)
        {
            return;
        }

        try
        {
            _channel.Write(status);
        }
        catch (IOException)
        {
            // Host side closed; nothing listens any more.
        }
    }
}
