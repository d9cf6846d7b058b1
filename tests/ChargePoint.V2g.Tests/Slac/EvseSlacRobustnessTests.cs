using ChargePoint.Simulators.PlcModem;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac;
using ChargePoint.V2g.Slac.Messages;

namespace ChargePoint.V2g.Tests.Slac;

/// <summary>Malformed, foreign and flooding frames are dropped with rate-limited logging; sessions survive.</summary>
public sealed class EvseSlacRobustnessTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private static byte[] WithVersion(byte[] frame, byte version)
    {
        var copy = (byte[])frame.Clone();
        copy[14] = version;
        return copy;
    }

    private static byte[] WithType(byte[] frame, ushort type)
    {
        var copy = (byte[])frame.Clone();
        copy[15] = (byte)type;
        copy[16] = (byte)(type >> 8);
        return copy;
    }

    [Fact]
    public void Malformed_frames_and_a_parm_flood_during_sounding_do_not_disturb_the_real_ev()
    {
        using var bench = new SlacBench().Plug();
        Assert.True(bench.RunUntil(() => bench.Simulator.EvPhase == SimulatedEvPhase.Sounding, Limit));
        var random = new Random(4711);
        var evse = SlacBench.EvseAddress;
        var parm = MmeFrame.Build(MacAddress.Broadcast, new MacAddress(0x0200_00AA_0001), new SlacParmReq(0, 0, new RunId(1)));

        bench.InjectToEvse(new byte[10]); // short
        bench.InjectToEvse(WithVersion(parm, MmeVersion.HomePlugAv10)); // wrong MMV
        bench.InjectToEvse(WithType(parm, 0x6123)); // unknown MMTYPE
        bench.InjectToEvse(MmeFrame.Build(evse, bench.SimulatorOptions.EvAddress, new AttenCharRsp(0, 0, bench.SimulatorOptions.EvAddress, new RunId(99), null, null, 1)));
        for (var i = 0; i < 500; i++)
        {
            var flooder = new MacAddress(0x0200_0000_0000 | (ulong)random.NextInt64(1, 0xFFFF_FFFF));
            bench.InjectToEvse(MmeFrame.Build(MacAddress.Broadcast, flooder, new SlacParmReq(0, 0, new RunId((ulong)random.NextInt64()))));
        }

        Assert.True(bench.RunUntil(() => bench.LinkReady.Count > 0 || bench.ErrorRoutines.Count > 0, Limit));
        Assert.Empty(bench.ErrorRoutines);
        Assert.Single(bench.LinkReady);
        Assert.Equal(bench.SimulatorOptions.EvAddress, bench.LinkReady[0].Ready.EvAddress);
        Assert.Equal(1, bench.Evse.ActiveSessionCount);
        Assert.True(bench.Evse.DroppedFrames >= 4);

        // Rate-limited: at most the burst of 10 drop lines per 10 s window, however many frames were dropped.
        var dropLines = bench.Logger.Lines.Count(l => l.Message.StartsWith("SLAC: dropped frame", StringComparison.Ordinal));
        Assert.InRange(dropLines, 4, 10);
        Assert.InRange(bench.Logger.Lines.Count(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Information && l.Message.Contains("CM_SLAC_PARM.REQ from", StringComparison.Ordinal)), 1, 4);
    }

    [Fact]
    public void Flood_while_matched_is_ignored_and_the_link_stays()
    {
        using var bench = new SlacBench().Plug();
        Assert.True(bench.RunUntil(() => bench.LinkReady.Count > 0, Limit));
        var random = new Random(42);
        for (var i = 0; i < 1000; i++)
        {
            var frame = new byte[random.Next(0, 200)];
            random.NextBytes(frame);
            bench.InjectToEvse(frame);
            bench.InjectToEvse(MmeFrame.Build(MacAddress.Broadcast, new MacAddress((ulong)random.NextInt64(1, 0xFFFF_FFFF)), new SlacParmReq(0, 0, new RunId((ulong)i))));
        }

        bench.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(SlacState.Matched, bench.Evse.State);
        Assert.Empty(bench.ErrorRoutines);
        Assert.True(bench.Evse.DroppedFrames >= 2000);
        Assert.Equal(1, bench.CountSentByEvse(MmeType.SlacParmCnf)); // no answers to the flood
    }

    [Fact]
    public void Mutated_mmes_never_crash_the_state_machine_or_corrupt_a_later_session()
    {
        // Frames of a real run are the seed corpus; each is mutated (bit flips, truncation, extension, MMV and
        // MMTYPE changes) and fed to an EVSE that is matching at the same time.
        List<byte[]> corpus;
        using (var seed = new SlacBench().Plug())
        {
            Assert.True(seed.RunUntil(() => seed.LinkReady.Count > 0, Limit));
            corpus = [.. seed.SentBySimulator, .. seed.SentByEvse];
        }

        var random = new Random(20261122);
        using var bench = new SlacBench().Plug();
        var fed = 0;
        for (var step = 0; step < 1500; step++)
        {
            for (var i = 0; i < 4; i++)
            {
                bench.InjectToEvse(Mutate(corpus[random.Next(corpus.Count)], random));
                fed++;
            }

            bench.Run(TimeSpan.FromMilliseconds(1));
            Assert.InRange(bench.Evse.ActiveSessionCount, 0, bench.Options.MaxConcurrentSessions);
        }

        Assert.Equal(6000, fed);
        Assert.True(bench.Evse.State is SlacState.Matched or SlacState.Joining or SlacState.Failed or SlacState.Matching);

        // Whatever the fuzzing did, unplug and plug in again on a clean wire: the next session matches.
        bench.Evse.LeaveBcd();
        bench.Run(TimeSpan.FromMilliseconds(100));
        bench.LinkReady.Clear();
        bench.ErrorRoutines.Clear();
        bench.Evse.EnterBcd();
        bench.Simulator.StartEv();
        Assert.True(bench.RunUntil(() => bench.LinkReady.Count > 0, Limit));
        Assert.Empty(bench.ErrorRoutines);
    }

    private static byte[] Mutate(byte[] frame, Random random)
    {
        var copy = (byte[])frame.Clone();
        switch (random.Next(6))
        {
            case 0:
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    copy[random.Next(14, copy.Length)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            case 1:
                return copy[..random.Next(0, copy.Length)];
            case 2:
                var longer = new byte[copy.Length + random.Next(1, 100)];
                random.NextBytes(longer);
                copy.CopyTo(longer, 0);
                return longer;
            case 3:
                copy[14] = (byte)random.Next(4);
                return copy;
            case 4:
                ushort[] types = [MmeType.SlacParmReq, MmeType.StartAttenCharInd, MmeType.AttenProfileInd, MmeType.AttenCharRsp, MmeType.SlacMatchReq,
                    MmeType.SetKeyCnf, MmeType.QcaLinkStatusCnf, MmeType.ValidateReq, MmeType.AmpMapReq, MmeType.MnbcSoundInd];
                return WithType(copy, types[random.Next(types.Length)]);
            default:
                random.NextBytes(copy.AsSpan(19));
                return copy;
        }
    }
}
