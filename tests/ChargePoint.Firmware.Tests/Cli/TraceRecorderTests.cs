using System.Text.Json;
using ChargePoint.Firmware.Configuration;
using ChargePoint.Firmware.Diagnostics;
using ChargePoint.TestUtilities;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Tests.Cli;

/// <summary>The V2GTP tap: frames reported by the transport end up in the session's trace as XML decoded from
/// the reference EXI vectors; the trace is bounded and written to disk when the session ends.</summary>
public sealed class TraceRecorderTests
{
    [Fact]
    public async Task V2gtp_frames_are_decoded_to_xml_bounded_per_session_and_kept_on_disk()
    {
        var vector = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("tests", "ChargePoint.V2g.Exi.Tests", "vectors", "exi", "app-protocol.json")))
            .RootElement[0];
        var exi = Convert.FromHexString(vector.GetProperty("exi").GetString()!);
        var storage = Directory.CreateTempSubdirectory("cp-trace");
        try
        {
            var recorder = new TraceRecorder(
                Options.Create(new DiagnosticsOptions { TraceMessagesPerSession = 10 }),
                Options.Create(new StorageOptions { Path = storage.FullName }),
                new FakeTimeProvider(),
                NullLogger<TraceRecorder>.Instance);
            recorder.BeginSession("1-s");
            for (var i = 0; i < 12; i++)
            {
                recorder.OnFrame("tcp-1", V2gtpDirection.Received, new V2gtpMessage(0x8001, exi));
            }

            var live = recorder.Find(null)!;
            Assert.Equal(10, live.Messages.Count);
            Assert.Contains("supportedAppProtocolReq", live.Messages[0].Text, StringComparison.Ordinal);
            Assert.Equal("rx", live.Messages[0].Direction);

            await recorder.EndSessionAsync();

            Assert.Null(recorder.CurrentSession);
            var stored = recorder.Find("1-s")!;
            Assert.Equal(10, stored.Messages.Count);
            Assert.Equal(exi, stored.Messages[^1].Raw);
            Assert.True(File.Exists(Path.Combine(storage.FullName, "diagnostics", "traces", "1-s.jsonl")));
            Assert.Null(recorder.Find("../../etc/passwd"));
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }
}
