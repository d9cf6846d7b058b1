using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac.Messages;

namespace ChargePoint.V2g.Slac;

/// <summary>Matching sessions: PARM, START_ATTEN_CHAR, sounding, ATTEN_CHAR, VALIDATE, SLAC_MATCH.</summary>
public sealed partial class EvseSlac
{
    private long _sessionSequence;

    private static bool IsPlainSlac(byte application, byte security) =>
        application == SlacConstants.ApplicationPevEvseMatching && security == SlacConstants.SecurityNone;

    private bool OnParmRequest(in MmeHeader header, ReadOnlySpan<byte> payload)
    {
        if (!TryRead<SlacParmReq>(header, payload, out var request))
        {
            return false;
        }

        if (!IsPlainSlac(request.ApplicationType, request.SecurityType))
        {
            return Ignore("unsupported application or security type");
        }

        if (State == SlacState.Failed && _options.RestartOnFreshParmRequest)
        {
            SlacLog.Restart(_logger, header.Source);
            SetState(SlacState.Matching);
        }

        if (State != SlacState.Matching)
        {
            return Ignore($"CM_SLAC_PARM.REQ while {State}");
        }

        var key = (header.Source, request.RunId);
        if (_sessions.TryGetValue(key, out var session))
        {
            // [V2G3-A09-16]: the same EV and RunID again restarts the run.
            session.ClearProfiles();
            session.StartedAt = _time.GetTimestamp();
        }
        else
        {
            var atCapacity = _sessions.Count >= _options.MaxConcurrentSessions;
            if (atCapacity && !EvictStalledSession())
            {
                return Ignore("too many concurrent matching sessions");
            }

            session = new MatchingSession(header.Source, request.RunId, NewTimer(), _time.GetTimestamp(), ++_sessionSequence);
            _sessions.Add(key, session);
            if (atCapacity)
            {
                _dropLog.Drop("session limit reached; replaced the newest stalled run", $"CM_SLAC_PARM.REQ from {header.Source}");
            }
            else
            {
                SlacLog.ParmRequest(_logger, header.Source, request.RunId);
            }
        }

        _initTimer.Cancel();
        session.Phase = SessionPhase.WaitStartAttenChar;
        Send(session.EvAddress, new SlacParmCnf(
            MacAddress.Broadcast,
            _options.SoundCount,
            _options.SoundingTimeoutUnits,
            SlacConstants.ResponseToOtherStation,
            session.EvAddress,
            SlacConstants.ApplicationPevEvseMatching,
            SlacConstants.SecurityNone,
            session.RunId));
        session.Timer.Arm(_options.MatchSequenceTimeout, () => FailSession(session, SlacFailureReason.NoStartAttenChar));
        return true;
    }

    /// <summary>
    /// At capacity, the newest run that has not got past CM_SLAC_PARM makes room: a burst of PARM.REQs (a flood or
    /// many neighbours) then churns through one slot while the runs that came first keep theirs.
    /// </summary>
    private bool EvictStalledSession()
    {
        var stalled = _sessions.Values.Where(s => s.Phase == SessionPhase.WaitStartAttenChar).MaxBy(s => s.Sequence);
        if (stalled is null)
        {
            return false;
        }

        RemoveSession(stalled);
        return true;
    }

    private bool OnStartAttenChar(in MmeHeader header, ReadOnlySpan<byte> payload)
    {
        if (!TryRead<StartAttenCharInd>(header, payload, out var indication))
        {
            return false;
        }

        if (!_sessions.TryGetValue((header.Source, indication.RunId), out var session))
        {
            return Ignore("no session for EV and RunID");
        }

        if (session.Phase != SessionPhase.WaitStartAttenChar)
        {
            return true; // the EV repeats it C_EV_start_atten_char_inds times; only the first counts
        }

        if (!IsPlainSlac(indication.ApplicationType, indication.SecurityType) || indication.NumSounds == 0 || indication.TimeOut == 0
            || indication.ResponseType != SlacConstants.ResponseToOtherStation)
        {
            return Ignore("invalid CM_START_ATTEN_CHAR.IND parameters");
        }

        session.Phase = SessionPhase.Sounding;
        session.ExpectedSounds = indication.NumSounds;
        session.Timer.Arm(_options.SoundingWindow + _options.SoundingGrace, () => FinishSounding(session));
        return true;
    }

    private bool OnSound(in MmeHeader header, ReadOnlySpan<byte> payload)
    {
        if (!TryRead<MnbcSoundInd>(header, payload, out var sound))
        {
            return false;
        }

        if (!_sessions.TryGetValue((header.Source, sound.RunId), out var session))
        {
            return Ignore("no session for EV and RunID");
        }

        // The attenuation comes from our modem's ATTEN_PROFILE.IND; the sound itself only counts for diagnostics.
        session.SoundsSeen++;
        return true;
    }

    private bool OnAttenProfile(in MmeHeader header, ReadOnlySpan<byte> payload)
    {
        if (!TryRead<AttenProfileInd>(header, payload, out var profile))
        {
            return false;
        }

        if (profile.Groups.Length != SlacConstants.AttenuationGroups)
        {
            return Ignore("ATTEN_PROFILE.IND without 58 groups");
        }

        var accepted = false;
        foreach (var session in _sessions.Values.ToList())
        {
            // No RunID in the profile: it belongs to whichever sounding run this EV has open.
            if (session.EvAddress != profile.PevAddress || session.Phase is not (SessionPhase.WaitStartAttenChar or SessionPhase.Sounding))
            {
                continue;
            }

            session.AddProfile(profile.Groups);
            accepted = true;
            if (session.Phase == SessionPhase.Sounding && session.ProfilesReceived >= session.ExpectedSounds)
            {
                FinishSounding(session);
            }
        }

        return accepted || Ignore("no sounding session for this EV");
    }

    private void FinishSounding(MatchingSession session)
    {
        var groups = session.AverageAttenuation(_options.AttenuationOffsetDb);
        var mean = MeanOf(groups);
        SlacLog.SoundingDone(_logger, session.EvAddress, session.ProfilesReceived, session.SoundsSeen, mean);
        session.AttenCharFrame = MmeFrame.Build(session.EvAddress, LocalAddress, new AttenCharInd(
            SlacConstants.ApplicationPevEvseMatching,
            SlacConstants.SecurityNone,
            session.EvAddress,
            session.RunId,
            null,
            null,
            (byte)Math.Min(session.ProfilesReceived, 255),
            groups));
        session.Phase = SessionPhase.WaitAttenCharResponse;
        session.AttenCharSends = 0;
        SendAttenChar(session);
    }

    private void SendAttenChar(MatchingSession session)
    {
        if (session.AttenCharSends > _options.AttenCharRetries)
        {
            FailSession(session, SlacFailureReason.NoAttenCharResponse);
            return;
        }

        if (session.AttenCharSends > 0)
        {
            AttenCharRetriesSent++;
            SlacLog.AttenCharRetry(_logger, session.EvAddress, session.AttenCharSends);
        }

        session.AttenCharSends++;
        _send(session.AttenCharFrame!);
        session.Timer.Arm(_options.MatchResponseTimeout, () => SendAttenChar(session));
    }

    private static double MeanOf(byte[] groups) => groups.Average(g => (double)g);

    private bool OnAttenCharResponse(in MmeHeader header, ReadOnlySpan<byte> payload)
    {
        if (!TryRead<AttenCharRsp>(header, payload, out var response))
        {
            return false;
        }

        if (!_sessions.TryGetValue((header.Source, response.RunId), out var session) || response.SourceAddress != session.EvAddress)
        {
            return Ignore("no session for EV and RunID");
        }

        if (session.Phase != SessionPhase.WaitAttenCharResponse)
        {
            return true; // a duplicate answering a repeated indication
        }

        if (!IsPlainSlac(response.ApplicationType, response.SecurityType))
        {
            return Ignore("invalid CM_ATTEN_CHAR.RSP parameters");
        }

        if (response.Result != 0)
        {
            FailSession(session, SlacFailureReason.AttenCharRejected);
            return true;
        }

        session.Phase = SessionPhase.WaitMatchRequest;
        session.Timer.Arm(_options.MatchSessionTimeout, () => FailSession(session, SlacFailureReason.NoMatchRequest));
        return true;
    }

    private bool OnValidateRequest(in MmeHeader header, ReadOnlySpan<byte> payload)
    {
        if (!TryRead<ValidateReq>(header, payload, out var request))
        {
            return false;
        }

        var source = header.Source;
        if (!_sessions.Values.Any(s => s.EvAddress == source && s.Phase == SessionPhase.WaitMatchRequest))
        {
            return Ignore("CM_VALIDATE.REQ outside a session");
        }

        // Validation is optional for the EVSE [V2G3-A09-51]; we do not toggle-check, so it is not required.
        Send(source, new ValidateCnf(request.SignalType, 0, ValidateResult.NotRequired));
        return true;
    }

    private bool OnMatchRequest(in MmeHeader header, ReadOnlySpan<byte> payload)
    {
        if (!TryRead<SlacMatchReq>(header, payload, out var request))
        {
            return false;
        }

        if (!_sessions.TryGetValue((header.Source, request.RunId), out var session))
        {
            return Ignore("no session for EV and RunID");
        }

        if (!IsPlainSlac(request.ApplicationType, request.SecurityType)
            || request.VariableFieldLength != SlacConstants.MatchRequestVariableFieldLength
            || request.PevAddress != session.EvAddress
            || request.EvseAddress != LocalAddress
            || !MmeFields.IsAllZero(request.PevId)
            || !MmeFields.IsAllZero(request.EvseId))
        {
            return Ignore("invalid CM_SLAC_MATCH.REQ fields");
        }

        if (session.Phase == SessionPhase.Matched)
        {
            _send(session.MatchConfirmFrame!); // the EV repeated its request: answer it again
            return true;
        }

        if (session.Phase != SessionPhase.WaitMatchRequest)
        {
            return Ignore($"CM_SLAC_MATCH.REQ in phase {session.Phase}");
        }

        if (!KeyConfirmed)
        {
            // Handing out an NMK our modem has not confirmed would only produce a link that never comes up.
            return Ignore("CM_SLAC_MATCH.REQ before the modem confirmed the key");
        }

        session.MatchConfirmFrame = MmeFrame.Build(session.EvAddress, LocalAddress, new SlacMatchCnf(
            SlacConstants.ApplicationPevEvseMatching,
            SlacConstants.SecurityNone,
            SlacConstants.MatchConfirmVariableFieldLength,
            null,
            session.EvAddress,
            null,
            LocalAddress,
            session.RunId,
            Key.Nid,
            Key.Nmk));
        _send(session.MatchConfirmFrame);
        session.Phase = SessionPhase.Matched;
        session.Timer.Cancel();
        _matchingDuration = _time.GetElapsedTime(session.StartedAt);
SlacLog.Matched(_logger, session.EvAddress, session.RunId, _matchingDuration.TotalMilliseconds);

        // The EV chose us: every other run is cross-talk from a neighbouring EV.
        foreach (var other in _sessions.Values.Where(s => s != session).ToList())
        {
            RemoveSession(other);
        }

        MatchedEv = session.EvAddress;
        StartJoining();
        return true;
    }

    private bool OnAmpMapRequest(in MmeHeader header, ReadOnlySpan<byte> payload)
    {
        if (header.Version is not (MmeVersion.HomePlugAv11 or MmeVersion.HomePlugAv20) || !AmpMapReq.TryRead(payload, out var request))
        {
            return Ignore("malformed CM_AMP_MAP.REQ"); // AMLEN 0 is invalid and left unanswered
        }

        // The transmit-power map belongs to the modem's PIB; we acknowledge it and log the request.
        SlacLog.AmpMap(_logger, header.Source, request.Amplitudes.Length);
        Send(header.Source, new AmpMapCnf(0x00));
        return true;
    }

    private void FailSession(MatchingSession session, SlacFailureReason reason)
    {
        SlacLog.SessionEnded(_logger, session.EvAddress, session.RunId, reason);
        RemoveSession(session);
        if (_sessions.Count == 0 && State == SlacState.Matching)
        {
            FailMatching(reason, session.EvAddress);
        }
    }

    private void FailMatching(SlacFailureReason reason, MacAddress? ev)
    {
        ClearSessions();
        _initTimer.Cancel();
        RequestErrorRoutine(reason, ev);
    }

    private void RemoveSession(MatchingSession session)
    {
        _sessions.Remove((session.EvAddress, session.RunId));
        session.Dispose();
    }

    private void ClearSessions()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }

        _sessions.Clear();
    }
}
