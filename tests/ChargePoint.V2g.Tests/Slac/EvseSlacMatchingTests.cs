using ChargePoint.Simulators.PlcModem;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac;
using ChargePoint.V2g.Slac.Messages;

namespace ChargePoint.V2g.Tests.Slac;

/// <summary>EVSE SLAC against the PLC modem simulator on fake time: the happy path and every injected fault.</summary>
public sealed class EvseSlacMatchingTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private static void AssertMatched(SlacBench bench)
    {
        Assert.True(bench.RunUntil(() => bench.LinkReady.Count > 0 || bench.ErrorRoutines.Count > 0, Limit), "neither matched nor failed");
        Assert.Empty(bench.ErrorRoutines);
        Assert.Equal(SlacState.Matched, bench.Evse.State);
        Assert.Equal(bench.SimulatorOptions.EvAddress, bench.LinkReady.Single().Ready.EvAddress);
        Assert.True(bench.Simulator.LinkUp);
        Assert.Equal(SimulatedEvPhase.Matched, bench.Simulator.EvPhase);
    }

    private static SlacErrorRoutineRequest AssertFailed(SlacBench bench)
    {
        Assert.True(bench.RunUntil(() => bench.ErrorRoutines.Count > 0, Limit), "no error routine requested");
        Assert.Empty(bench.LinkReady);
        Assert.Equal(SlacState.Failed, bench.Evse.State);
        return bench.ErrorRoutines.Single().Request;
    }

    [Fact]
    public void Happy_path_matches_and_the_ev_joins_with_the_key_the_modem_holds()
    {
        using var bench = new SlacBench().Plug();
        AssertMatched(bench);
        Assert.True(bench.Evse.KeyConfirmed);
        Assert.Equal("MAC-QCA7000-SIM-1.0", bench.Evse.ModemVersion);
        Assert.Equal(1, bench.CountSentByEvse(MmeType.AttenCharInd));
        Assert.Equal(0, bench.Evse.AttenCharRetriesSent);

        // All ten profiles came in, so the EVSE did not sit out the whole 600 ms window.
        var duration = bench.LinkReady.Single().Ready.MatchingDuration;
        Assert.InRange(duration, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(700));
    }

    [Fact]
    public void Dropped_sounds_are_averaged_over_what_arrived()
    {
        using var bench = new SlacBench(faults: f => f.DroppedSounds = [1, 4, 7]).Plug();
        AssertMatched(bench);
        var indication = bench.SentByEvse.Select(Parse<AttenCharInd>).First(m => m is not null)!.Value;
        Assert.Equal(7, indication.NumSounds);
        Assert.All(indication.Groups, g => Assert.InRange(g, 19, 25)); // 22 dB +/- 3 from the simulated modem
    }

    [Fact]
    public void Reordered_sounds_and_profiles_still_match()
    {
        using var bench = new SlacBench(faults: f => f.ReorderSounds = true).Plug();
        AssertMatched(bench);
        Assert.Equal(10, bench.SentByEvse.Select(Parse<AttenCharInd>).First(m => m is not null)!.Value.NumSounds);
    }

    [Fact]
    public void Late_atten_char_response_is_retried_and_then_matches()
    {
        using var bench = new SlacBench(faults: f => f.AttenCharResponseDelay = TimeSpan.FromMilliseconds(300)).Plug();
        AssertMatched(bench);
        Assert.Equal(1, bench.Evse.AttenCharRetriesSent);
        Assert.Equal(2, bench.CountSentByEvse(MmeType.AttenCharInd));
    }

    [Fact]
    public void Atten_char_response_that_never_comes_in_time_fails_after_two_retries()
    {
        using var bench = new SlacBench(faults: f => f.AttenCharResponseDelay = TimeSpan.FromSeconds(5)).Plug();
        Assert.Equal(SlacFailureReason.NoAttenCharResponse, AssertFailed(bench).Reason);
        Assert.Equal(3, bench.CountSentByEvse(MmeType.AttenCharInd)); // first + C_EV_match_retry (2)
    }

    [Fact]
    public void Repeated_match_request_gets_the_same_confirmation_again()
    {
        using var bench = new SlacBench(faults: f => f.RepeatedMatchRequests = 2).Plug();
        AssertMatched(bench);
        bench.Run(TimeSpan.FromMilliseconds(300));
        Assert.Equal(3, bench.Simulator.EvMatchConfirms);
        Assert.True(bench.Simulator.EvMatchConfirmsIdentical);
        Assert.Equal(SlacState.Matched, bench.Evse.State);
    }

    [Fact]
    public void Match_request_with_a_wrong_run_id_is_ignored_and_the_correct_one_matches()
    {
        using var bench = new SlacBench(faults: f => f.WrongRunId = WrongRunIdMode.FirstMatchRequest).Plug();
        AssertMatched(bench);
        Assert.True(bench.Evse.DroppedFrames >= 1);
        Assert.Equal(1, bench.Simulator.EvMatchConfirms);
    }

    [Fact]
    public void Wrong_run_id_after_parm_fails_the_run_and_requests_the_error_routine()
    {
        using var bench = new SlacBench(faults: f => f.WrongRunId = WrongRunIdMode.AfterParmRequest).Plug();
        Assert.Equal(SlacFailureReason.NoStartAttenChar, AssertFailed(bench).Reason);
        Assert.True(bench.Evse.DroppedFrames >= 3);
    }

    [Fact]
    public void Fresh_parm_request_after_a_failure_restarts_matching()
    {
        using var bench = new SlacBench(faults: f => f.WrongRunId = WrongRunIdMode.AfterParmRequest).Plug();
        AssertFailed(bench);
        bench.SimulatorOptions.Faults.WrongRunId = WrongRunIdMode.None;
        bench.Simulator.StartEv(); // the car restarts SLAC by itself
        Assert.True(bench.RunUntil(() => bench.LinkReady.Count > 0, Limit));
        Assert.Equal(SlacState.Matched, bench.Evse.State);
    }

    [Fact]
    public void Fresh_parm_request_after_a_failure_is_ignored_when_restart_is_disabled()
    {
        using var bench = new SlacBench(new SlacOptions { RestartOnFreshParmRequest = false }, f => f.WrongRunId = WrongRunIdMode.AfterParmRequest).Plug();
        AssertFailed(bench);
        bench.SimulatorOptions.Faults.WrongRunId = WrongRunIdMode.None;
        bench.Simulator.StartEv();
        bench.Run(TimeSpan.FromSeconds(3));
        Assert.Empty(bench.LinkReady);
        Assert.Equal(SlacState.Failed, bench.Evse.State);
    }

    [Fact]
    public void Cross_talk_from_a_second_ev_runs_as_its_own_session_and_the_near_ev_wins()
    {
        var neighbour = MacAddress.Parse("02:00:00:00:0e:99");
        using var bench = new SlacBench(faults: f => f.CrossTalkEv = neighbour).Plug();
        AssertMatched(bench);
        Assert.Equal(SimulatedEvPhase.Declined, bench.Simulator.CrossTalkPhase);
        Assert.Equal(2, bench.CountSentByEvse(MmeType.SlacParmCnf));
        Assert.Equal(0, bench.Evse.ActiveSessionCount - 1); // only the matched run is left
        Assert.DoesNotContain(bench.SentByEvse, f => MmeFrame.TryParse(f, out var h, out _) == MmeFrameError.None
            && h.Type == MmeType.SlacMatchCnf && h.Destination == neighbour);
    }

    [Fact]
    public void Set_key_result_0x01_is_accepted_by_default()
    {
        using var bench = new SlacBench(faults: f => f.SetKeyResult = 0x01).Plug();
        AssertMatched(bench);
        Assert.True(bench.Evse.KeyConfirmed);
        Assert.Contains(bench.Logger.Lines, l => l.Message.Contains("result 0x01", StringComparison.Ordinal));
    }

    [Fact]
    public void Set_key_result_0x01_fails_under_the_strict_standard_policy()
    {
        using var bench = new SlacBench(new SlacOptions { SetKeyResultPolicy = SetKeyResultPolicy.StandardZeroOnly }, f => f.SetKeyResult = 0x01).Plug();
        Assert.Equal(SlacFailureReason.ModemKeyNotSet, AssertFailed(bench).Reason);
        Assert.False(bench.Evse.KeyConfirmed);
        Assert.Equal(3, bench.Simulator.SetKeyRequests);
    }

    [Fact]
    public void Link_loss_after_matching_is_detected_within_tp_match_leave()
    {
        using var bench = new SlacBench(faults: f => f.LinkLossAfter = TimeSpan.FromSeconds(2)).Plug();
        AssertMatched(bench);
        var readyAt = bench.LinkReady.Single().At;
        Assert.True(bench.RunUntil(() => bench.ErrorRoutines.Count > 0, Limit));
        Assert.Equal(SlacFailureReason.LinkLost, bench.ErrorRoutines.Single().Request.Reason);
        Assert.Equal(SlacState.Failed, bench.Evse.State);
        var lostAfter = bench.ErrorRoutines.Single().At - readyAt - TimeSpan.FromSeconds(2);
        Assert.InRange(lostAfter, TimeSpan.Zero, TimeSpan.FromSeconds(1));

        // Polling stops once loss is signalled: no stream of alarms.
        var polls = bench.CountSentByEvse(MmeType.QcaLinkStatusReq);
        bench.Run(TimeSpan.FromSeconds(3));
        Assert.Equal(polls, bench.CountSentByEvse(MmeType.QcaLinkStatusReq));
        Assert.Single(bench.ErrorRoutines);
    }

    [Fact]
    public void No_parm_request_within_tt_evse_slac_init_requests_the_error_routine()
    {
        using var bench = new SlacBench();
        bench.Evse.Start();
        bench.Evse.EnterBcd();
        bench.Run(TimeSpan.FromSeconds(39.9));
        Assert.Empty(bench.ErrorRoutines);
        Assert.Equal(SlacFailureReason.NoParmRequest, AssertFailed(bench).Reason);
    }

    [Fact]
    public void Unplugging_drops_the_session_and_installs_a_new_key()
    {
        using var bench = new SlacBench().Plug();
        AssertMatched(bench);
        var oldKey = bench.Evse.Key.Nmk;
        bench.Evse.LeaveBcd();
        bench.Run(TimeSpan.FromMilliseconds(100));
        Assert.Equal(SlacState.Unmatched, bench.Evse.State);
        Assert.NotEqual(oldKey, bench.Evse.Key.Nmk);
        Assert.True(bench.Evse.KeyConfirmed);
        Assert.Equal(2, bench.Simulator.SetKeyRequests);
        Assert.False(bench.Simulator.LinkUp); // the modem left the old AVLN with its new key
    }

    private static T? Parse<T>(byte[] frame)
        where T : struct, IMmeMessage<T>
    {
        if (MmeFrame.TryParse(frame, out var header, out var payload) != MmeFrameError.None)
        {
            return null;
        }

        return MmeFrame.TryRead<T>(header, payload, out var message) ? message : null;
    }
}
