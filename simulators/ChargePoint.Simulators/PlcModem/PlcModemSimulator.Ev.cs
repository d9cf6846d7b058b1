using System.Security.Cryptography;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac.Messages;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Simulators.PlcModem;

/// <summary>The EV host side of SLAC (ISO 15118-3 EV timing) and the sounding the two modems turn into profiles.</summary>
public sealed partial class PlcModemSimulator
{
    private static readonly TimeSpan ParmResponseTimeout = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StartAttenCharGap = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan AttenResultsTimeout = TimeSpan.FromMilliseconds(1200); // TT_EV_atten_results
    private static readonly TimeSpan MatchRequestGap = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MatchRequestDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MatchConfirmTimeout = TimeSpan.FromSeconds(2);
    private const int ParmAttempts = 3;
    private const int StartAttenCharRepeats = 3; // C_EV_start_atten_char_inds

    private void BeginRun(SimulatedEv ev)
    {
        ev.MatchingStartedAt = _time.GetUtcNow();
        StartRun(ev);
    }

    private void StartRun(SimulatedEv ev)
    {
        ev.Generation++;
        ev.RunId = new RunId(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)));
        ev.ParmAttempts = 0;
        ev.AttenCharIndications = 0;
        ev.MatchConfirms = 0;
        ev.FirstMatchConfirm = null;
        ev.MatchConfirmsIdentical = true;
        ev.Nmk = null;
        ev.Phase = SimulatedEvPhase.WaitParmConfirm;
        SendParmRequest(ev, ev.Generation);
    }

    private void SendParmRequest(SimulatedEv ev, int generation)
    {
        if (ev.Generation != generation || ev.Phase != SimulatedEvPhase.WaitParmConfirm)
        {
            return;
        }

        if (ev.ParmAttempts++ >= ParmAttempts)
        {
            Fail(ev);
            return;
        }

        Send(MacAddress.Broadcast, ev.Address, new SlacParmReq(SlacConstants.ApplicationPevEvseMatching, SlacConstants.SecurityNone, ev.RunId));
        After(ParmResponseTimeout, () => SendParmRequest(ev, generation));
    }

    private void HandleEvFrame(SimulatedEv ev, in MmeHeader header, ReadOnlySpan<byte> payload)
    {
        switch (header.Type)
        {
            case MmeType.SlacParmCnf when SlacParmCnf.TryRead(payload, out var confirm) && confirm.RunId == ev.RunId:
                OnParmConfirm(ev, header.Source, confirm);
                break;
            case MmeType.AttenCharInd when AttenCharInd.TryRead(payload, out var indication) && indication.RunId == ev.RunId:
                OnAttenChar(ev, header.Source, indication);
                break;
            case MmeType.SlacMatchCnf when SlacMatchCnf.TryRead(payload, out var match) && match.RunId == ev.RunId:
                OnMatchConfirm(ev, payload, match);
                break;
            default:
                break;
        }
    }

    private void OnParmConfirm(SimulatedEv ev, MacAddress evse, SlacParmCnf confirm)
    {
        if (ev.Phase != SimulatedEvPhase.WaitParmConfirm)
        {
            return;
        }

        _evseHost ??= evse;
        ev.Phase = SimulatedEvPhase.Sounding;
        var generation = ev.Generation;
        var wireRunId = ev.WireRunId(_options.Faults.WrongRunId);
        var start = new StartAttenCharInd(
            SlacConstants.ApplicationPevEvseMatching, SlacConstants.SecurityNone, confirm.NumSounds, confirm.TimeOut, SlacConstants.ResponseToOtherStation, ev.Address, wireRunId);
        var steps = new List<(TimeSpan Gap, Action Step)>();
        for (var i = 0; i < StartAttenCharRepeats; i++)
        {
            steps.Add((i == 0 ? TimeSpan.Zero : StartAttenCharGap, () => Send(MacAddress.Broadcast, ev.Address, start)));
        }

        var order = Enumerable.Range(0, confirm.NumSounds).ToList();
        if (_options.Faults.ReorderSounds && !ev.IsCrossTalk)
        {
            order.Reverse();
        }

        foreach (var index in order)
        {
            var lost = !ev.IsCrossTalk && _options.Faults.DroppedSounds.Contains(index);
            steps.Add((steps.Count == StartAttenCharRepeats ? StartAttenCharGap : _options.SoundInterval, lost ? () => { } : () => SendSound(ev, confirm.NumSounds, index, wireRunId)));
        }

        steps.Add((AttenResultsTimeout, () =>
        {
            if (ev.Phase == SimulatedEvPhase.Sounding)
            {
                Fail(ev);
            }
        }));
        Chain(ev, generation, steps, 0);
    }

    /// <summary>
    /// Runs the steps one after another, each scheduled only once the previous one ran, so frames leave in order
    /// even when timer callbacks are late (a loaded machine) and could otherwise overtake each other.
    /// </summary>
    private void Chain(SimulatedEv ev, int generation, List<(TimeSpan Gap, Action Step)> steps, int index)
    {
        if (index >= steps.Count)
        {
            return;
        }

        After(steps[index].Gap, () => IfCurrent(ev, generation, () =>
        {
            steps[index].Step();
            Chain(ev, generation, steps, index + 1);
        }));
    }

    /// <summary>One sound: the EV's MNBC_SOUND.IND and the EVSE modem's ATTEN_PROFILE.IND about it.</summary>
    private void SendSound(SimulatedEv ev, int soundCount, int index, RunId wireRunId)
    {
        var sound = MmeFrame.Build(MacAddress.Broadcast, ev.Address, new MnbcSoundInd(
            SlacConstants.ApplicationPevEvseMatching, SlacConstants.SecurityNone, null, (byte)(soundCount - 1 - index), wireRunId, RandomNumberGenerator.GetBytes(16)));
        var groups = new byte[SlacConstants.AttenuationGroups];
        for (var g = 0; g < groups.Length; g++)
        {
            groups[g] = (byte)Math.Clamp(ev.AttenuationDb + RandomNumberGenerator.GetInt32(-3, 4), 0, 255);
        }

        var profile = _evseHost is { } host ? MmeFrame.Build(host, _options.EvseModemAddress, new AttenProfileInd(ev.Address, groups)) : null;
        if (_options.Faults.ReorderSounds && profile is not null)
        {
            _send(profile);
            _send(sound);
        }
        else
        {
            _send(sound);
            if (profile is not null)
            {
                _send(profile);
            }
        }
    }

    private void OnAttenChar(SimulatedEv ev, MacAddress evse, AttenCharInd indication)
    {
        if (ev.Phase is not (SimulatedEvPhase.Sounding or SimulatedEvPhase.WaitMatchConfirm or SimulatedEvPhase.Declined))
        {
            return;
        }

        ev.AttenCharIndications++;
        var generation = ev.Generation;
        var wireRunId = ev.WireRunId(_options.Faults.WrongRunId);
        var response = new AttenCharRsp(
            SlacConstants.ApplicationPevEvseMatching, SlacConstants.SecurityNone, ev.Address, wireRunId, null, null, 0x00);
        var delay = ev.IsCrossTalk ? TimeSpan.Zero : _options.Faults.AttenCharResponseDelay;
        if (ev.Phase != SimulatedEvPhase.Sounding)
        {
            After(delay, () => IfCurrent(ev, generation, () => Send(evse, ev.Address, response)));
            return; // a repeated indication: answered again, decided already
        }

        var mean = indication.Groups.Average(g => (double)g);
        if (indication.NumSounds == 0 || mean > _options.EvAcceptThresholdDb)
        {
            ev.Phase = SimulatedEvPhase.Declined; // another charger is closer: this EVSE is cross-talk for us
            After(delay, () => IfCurrent(ev, generation, () => Send(evse, ev.Address, response)));
            return;
        }

        ev.Phase = SimulatedEvPhase.WaitMatchConfirm;
        var correct = new SlacMatchReq(
            SlacConstants.ApplicationPevEvseMatching, SlacConstants.SecurityNone, SlacConstants.MatchRequestVariableFieldLength, null, ev.Address, null, evse, wireRunId);
        var steps = new List<(TimeSpan Gap, Action Step)> { (delay, () => Send(evse, ev.Address, response)) };
        if (_options.Faults.WrongRunId == WrongRunIdMode.FirstMatchRequest)
        {
            var wrong = correct with { RunId = new RunId(~ev.RunId.Value) };
            steps.Add((MatchRequestDelay, () => Send(evse, ev.Address, wrong)));
            steps.Add((TimeSpan.FromMilliseconds(100), () => Send(evse, ev.Address, correct)));
        }
        else
        {
            steps.Add((MatchRequestDelay, () => Send(evse, ev.Address, correct)));
        }

        for (var i = 0; i < _options.Faults.RepeatedMatchRequests; i++)
        {
            steps.Add((MatchRequestGap, () => Send(evse, ev.Address, correct)));
        }

        steps.Add((MatchConfirmTimeout, () =>
        {
            if (ev.Phase == SimulatedEvPhase.WaitMatchConfirm)
            {
                Fail(ev);
            }
        }));
        Chain(ev, generation, steps, 0);
    }

    private void OnMatchConfirm(SimulatedEv ev, ReadOnlySpan<byte> payload, SlacMatchCnf confirm)
    {
        if (ev.Phase is not (SimulatedEvPhase.WaitMatchConfirm or SimulatedEvPhase.Matched) || confirm.PevAddress != ev.Address)
        {
            return;
        }

        ev.MatchConfirms++;
        var bytes = payload[..confirm.PayloadLength].ToArray();
        if (ev.FirstMatchConfirm is null)
        {
            ev.FirstMatchConfirm = bytes;
        }
        else if (!bytes.AsSpan().SequenceEqual(ev.FirstMatchConfirm))
        {
            ev.MatchConfirmsIdentical = false;
        }

        if (ev.Phase == SimulatedEvPhase.Matched)
        {
            return;
        }

        ev.Phase = SimulatedEvPhase.Matched;
        ev.Nmk = confirm.Nmk;
        LogEvMatched(_logger, ev.Address, confirm.RunId);
        var generation = ev.Generation;
        After(_options.LinkUpDelay, () => IfCurrent(ev, generation, () =>
        {
            // The EV modem joins the EVSE modem's AVLN only with the key the EVSE modem holds.
            LinkUp = _evseModemNmk is not null && ev.Nmk.AsSpan().SequenceEqual(_evseModemNmk);
            if (LinkUp && _options.Faults.LinkLossAfter is { } loss)
            {
                After(loss, () => LinkUp = false);
            }
        }));
    }

    /// <summary>
    /// Ends a run that failed; within TT_matching_repetition of the first run the EV tries again after
    /// TT_matching_rate with a fresh RunID, so a late answer on a loaded host is not the end of the session.
    /// </summary>
    private void Fail(SimulatedEv ev)
    {
        ev.Phase = SimulatedEvPhase.Failed;
        if (_options.MatchingRepetition is not { } window || ev.MatchingStartedAt is not { } started
            || _time.GetUtcNow() - started + _options.MatchingRate >= window)
        {
            return;
        }

        var generation = ev.Generation;
        LogEvRetry(_logger, ev.Address);
        After(_options.MatchingRate, () => IfCurrent(ev, generation, () => StartRun(ev)));
    }

    private static void IfCurrent(SimulatedEv ev, int generation, Action action)
    {
        if (ev.Generation == generation)
        {
            action();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PLC simulator: EV {Ev} failed to match, trying again")]
    private static partial void LogEvRetry(ILogger logger, MacAddress ev);

    [LoggerMessage(Level = LogLevel.Information, Message = "PLC simulator: EV {Ev} matched (RunID {RunId})")]
    private static partial void LogEvMatched(ILogger logger, MacAddress ev, RunId runId);
}
