using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChargePoint.Ocpp.Json;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;
using ChargePoint.Ocpp.Station;

namespace ChargePoint.Benchmarks.Ocpp;

/// <summary>Generated codec on a realistic Ended TransactionEvent (both registers, signed power, SoC).</summary>
[MemoryDiagnoser]
public class TransactionEventCodecBenchmarks
{
    private TransactionEventRequest _event = null!;
    private byte[] _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        var reading = new MeterReading(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero), 35_000.5, 18_000.25, -7_000, 64, 400, -17.5);
        _event = new TransactionEventRequest
        {
            EventType = TransactionEventEnumType.Ended,
            Timestamp = reading.Timestamp,
            TriggerReason = TriggerReasonEnumType.EVCommunicationLost,
            SeqNo = 42,
            Offline = true,
            TransactionInfo = new TransactionType { TransactionId = "0f8fad5bd9cb469fa16570867728950e", StoppedReason = ReasonEnumType.EVDisconnected, OperationMode = OperationModeEnumType.CentralSetpoint },
            Evse = new EVSEType { Id = 1, ConnectorId = 1 },
            MeterValue = [MeterValueBuilder.Build(reading, ["Energy.Active.Import.Register", "Energy.Active.Export.Register", "Power.Active.Import", "Power.Active.Export", "SoC", "Voltage", "Current.Import", "Current.Export"], ReadingContextEnumType.Transaction_End)],
        };
        _json = OcppPayloadCodec.Serialize(_event);
    }

    /// <summary>What the station does before sending: serialise and check against the schema.</summary>
    [Benchmark]
    public int SerializeAndValidate() => OcppFrameWriter.CheckedPayload(_event).Length;

    /// <summary>What the station does on receipt: parse, validate, read into the record.</summary>
    [Benchmark]
    public int ParseValidateRead()
    {
        using var document = JsonDocument.Parse(_json);
        var context = new OcppValidationContext();
        return OcppPayloadCodec.TryRead<TransactionEventRequest>(document.RootElement, context, out var value) ? value.SeqNo : -1;
    }

    [Benchmark]
    public int RoundTrip()
    {
        var bytes = OcppFrameWriter.CheckedPayload(_event);
        using var document = JsonDocument.Parse(bytes);
        var context = new OcppValidationContext();
        return OcppPayloadCodec.TryRead<TransactionEventRequest>(document.RootElement, context, out var value) ? value.SeqNo : -1;
    }
}
