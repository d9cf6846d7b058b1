using BenchmarkDotNet.Attributes;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Drivers.PilotMcu;
using ChargePoint.Hal.Linux.Modbus;
using ChargePoint.Hal.Pilot;

namespace ChargePoint.Benchmarks.Hal;

/// <summary>The HAL's per-sample and per-frame work: pilot classification (every 5 ms), the Modbus CRC of a
/// full read response, decoding one pilot-MCU Status frame (every 10 ms), and judging one insulation reading.</summary>
[MemoryDiagnoser]
public class HalBenchmarks
{
    private readonly CpStateClassifier _classifier = new(new PilotBandThresholds());
    private readonly byte[] _modbusResponse = new byte[5 + (2 * 76)];
    private readonly PilotMcuFrameReader _reader = new();
    private byte[] _statusFrame = [];
    private readonly ushort[] _isometerChannel = [0x49B7, 0x1B00, 0x0002, 71];
    private readonly IsolationThresholds _isolationLevels = IsolationThresholds.ForRatedVoltage(1000);
    private int _sample;

    [GlobalSetup]
    public void Setup()
    {
        Random.Shared.NextBytes(_modbusResponse);
        var status = new PilotMcuStatus(8790, -12000, 220, 3, 0, PilotOutputMode.Pwm, 500);
        _statusFrame = new PilotMcuFrame(PilotMcuFrame.Status, 1, status.ToPayload()).Encode();
    }

    [Benchmark]
    public CpState ClassifyPilotSample() => _classifier.Classify((_sample++ & 1) == 0 ? 8.79 : 5.62);

    [Benchmark]
    public ushort ModbusCrcOf76RegisterResponse() => ModbusCrc.Compute(_modbusResponse);

    [Benchmark]
    public int DecodePilotMcuStatusFrame() => _reader.Feed(_statusFrame).Count;

    /// <summary>One insulation-monitor reading (every poll period): decode the ISOMETER channel and judge it.</summary>
    [Benchmark]
    public IsolationCondition JudgeIsometerChannel()
    {
        var (ohms, alarm, _) = IsolationRegisterDecoder.DecodeIsometerChannel(_isometerChannel);
        var judged = _isolationLevels.Classify(ohms ?? double.NaN);
        return alarm > judged ? alarm : judged;
    }
}
