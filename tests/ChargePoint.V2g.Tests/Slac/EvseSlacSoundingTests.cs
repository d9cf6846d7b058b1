using ChargePoint.TestUtilities;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac;
using ChargePoint.V2g.Slac.Messages;

namespace ChargePoint.V2g.Tests.Slac;

/// <summary>Hand-made frames against the EVSE core: exact averaging, timers and the optional MMEs.</summary>
public sealed class EvseSlacSoundingTests : IDisposable
{
    private static readonly MacAddress Evse = MacAddress.Parse("02:00:00:00:5e:01");
    private static readonly MacAddress Ev = MacAddress.Parse("02:00:00:00:0e:01");
    private static readonly RunId Run = new(0xABCDEF);
    private readonly FakeTimeProvider _time = new();
    private readonly List<byte[]> _sent = [];
    private readonly EvseSlac _evse;

    public EvseSlacSoundingTests()
    {
        _evse = new EvseSlac(new SlacOptions { AttenuationOffsetDb = 2 }, Evse, _sent.Add, _time, new ListLogger());
        _evse.Start();
        _evse.HandleFrame(MmeFrame.Build(Evse, MacAddress.QcaLocalModem, new SetKeyCnf(0, 0, 0, 4, 0, 0, 0)));
        _evse.EnterBcd();
    }

    public void Dispose() => _evse.Dispose();

    private void FromEv<T>(in T message, MacAddress? to = null)
        where T : struct, IMmeMessage<T> => _evse.HandleFrame(MmeFrame.Build(to ?? Evse, Ev, message));

    private T LastSent<T>()
        where T : struct, IMmeMessage<T>
    {
        foreach (var frame in Enumerable.Reverse(_sent))
        {
            if (MmeFrame.TryParse(frame, out var header, out var payload) == MmeFrameError.None && MmeFrame.TryRead<T>(header, payload, out var message))
            {
                return message;
            }
        }

        throw new InvalidOperationException($"nothing of type {typeof(T).Name} was sent");
    }

    private int SentCount(ushort type) => _sent.Count(f => MmeFrame.TryParse(f, out var h, out _) == MmeFrameError.None && h.Type == type);

    private void StartSounding(byte sounds)
    {
        FromEv(new SlacParmReq(0, 0, Run), MacAddress.Broadcast);
        var parm = LastSent<SlacParmCnf>();
        Assert.Equal((byte)10, parm.NumSounds);
        Assert.Equal((byte)6, parm.TimeOut); // TT_EVSE_match_MNBC = 600 ms
        Assert.Equal(Ev, parm.ForwardingStation);
        Assert.Equal(Run, parm.RunId);
        FromEv(new StartAttenCharInd(0, 0, sounds, 6, 1, Ev, Run), MacAddress.Broadcast);
    }

    [Fact]
    public void Attenuation_is_averaged_per_group_rounded_half_up_plus_offset()
    {
        StartSounding(10);
        byte[][] profiles = [Enumerable.Repeat((byte)10, 58).ToArray(), Enumerable.Repeat((byte)11, 58).ToArray(), Enumerable.Range(0, 58).Select(i => (byte)i).ToArray()];
        foreach (var groups in profiles)
        {
            FromEv(new AttenProfileInd(Ev, groups));
        }

        _time.Advance(TimeSpan.FromMilliseconds(649));
        Assert.Equal(0, SentCount(MmeType.AttenCharInd));
        _time.Advance(TimeSpan.FromMilliseconds(1)); // window + grace: 3 of 10 sounds arrived
        var indication = LastSent<AttenCharInd>();
        Assert.Equal((byte)3, indication.NumSounds);
        for (var i = 0; i < 58; i++)
        {
            var sum = 10 + 11 + i;
            Assert.Equal((byte)(((sum + 1) / 3) + 2), indication.Groups[i]);
        }
    }

    [Fact]
    public void Sounding_ends_as_soon_as_every_announced_profile_arrived()
    {
        StartSounding(2);
        FromEv(new AttenProfileInd(Ev, new byte[58]));
        Assert.Equal(0, SentCount(MmeType.AttenCharInd));
        FromEv(new AttenProfileInd(Ev, new byte[58]));
        Assert.Equal(1, SentCount(MmeType.AttenCharInd));
    }

    [Fact]
    public void Without_any_profile_every_group_reports_no_signal()
    {
        StartSounding(10);
        _time.Advance(TimeSpan.FromMilliseconds(650));
        var indication = LastSent<AttenCharInd>();
        Assert.Equal((byte)0, indication.NumSounds);
        Assert.All(indication.Groups, g => Assert.Equal(255, g));
    }

    [Fact]
    public void Atten_char_is_repeated_every_200_ms_twice_then_the_run_fails()
    {
        SlacErrorRoutineRequest? request = null;
        _evse.ErrorRoutineRequested += r => request = r;
        StartSounding(1);
        FromEv(new AttenProfileInd(Ev, new byte[58]));
        Assert.Equal(1, SentCount(MmeType.AttenCharInd));
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(2, SentCount(MmeType.AttenCharInd));
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(3, SentCount(MmeType.AttenCharInd));
        Assert.Null(request);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(SlacFailureReason.NoAttenCharResponse, request?.Reason);
        Assert.Equal(0, _time.ActiveTimerCount - (_evse.KeyConfirmed ? 0 : 1));
    }

    [Fact]
    public void Validate_request_is_answered_not_required_and_amp_map_is_acknowledged()
    {
        StartSounding(1);
        FromEv(new AttenProfileInd(Ev, new byte[58]));
        FromEv(new AttenCharRsp(0, 0, Ev, Run, null, null, 0));
        FromEv(new ValidateReq(0, 0, 1));
        Assert.Equal(ValidateResult.NotRequired, LastSent<ValidateCnf>().Result);
        FromEv(new AmpMapReq([1, 2, 3, 4]));
        Assert.Equal(new AmpMapCnf(0), LastSent<AmpMapCnf>());
        _time.Advance(TimeSpan.FromSeconds(9.9)); // TT_EVSE_match_session still running
        FromEv(new SlacMatchReq(0, 0, 0x3E, null, Ev, null, Evse, Run));
        var confirm = LastSent<SlacMatchCnf>();
        Assert.Equal(_evse.Key.Nmk, confirm.Nmk);
        Assert.Equal(_evse.Key.Nid, confirm.Nid);
        Assert.Equal((ushort)0x56, confirm.VariableFieldLength);
        Assert.Equal(SlacState.Joining, _evse.State);
    }

    [Fact]
    public void Match_request_naming_another_evse_is_ignored()
    {
        StartSounding(1);
        FromEv(new AttenProfileInd(Ev, new byte[58]));
        FromEv(new AttenCharRsp(0, 0, Ev, Run, null, null, 0));
        FromEv(new SlacMatchReq(0, 0, 0x3E, null, Ev, null, MacAddress.Parse("02:00:00:00:5e:02"), Run));
        FromEv(new SlacMatchReq(0, 0, 0x3E, new byte[17] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, Ev, null, Evse, Run));
        Assert.Equal(0, SentCount(MmeType.SlacMatchCnf));
        Assert.Equal(2, _evse.DroppedFrames);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(SlacState.Failed, _evse.State);
    }
}
