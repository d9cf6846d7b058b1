using System.Security.Cryptography;
using ChargePoint.V2g.Slac.Messages;

namespace ChargePoint.V2g.Slac;

/// <summary>The local modem: CM_SET_KEY with retries, VS_SW_VER, and link-status polling once matched.</summary>
public sealed partial class EvseSlac
{
    private uint _setKeyNonce;
    private int _setKeyAttempt;
    private TimeSpan _matchingDuration;
    private int _linkMisses;
    private bool _linkReplyPending;

    /// <summary>A new NMK from the CSPRNG, its NID, and CM_SET_KEY.REQ to the local modem.</summary>
    private void InstallNewKey()
    {
        Key = NetworkKey.Generate();
        KeyConfirmed = false;
        _setKeyAttempt = 0;
        SendSetKey();
    }

    private void SendSetKey()
    {
        if (_setKeyAttempt >= _options.SetKeyAttempts)
        {
            SlacLog.SetKeyGaveUp(_logger, _setKeyAttempt);
            if (State == SlacState.Matching)
            {
                FailMatching(SlacFailureReason.ModemKeyNotSet, null);
            }

            return;
        }

        _setKeyAttempt++;
        _setKeyNonce = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));
        Send(_options.LocalModemAddress, SetKeyReq.ForNetworkKey(Key, _setKeyNonce));
        _keyTimer.Arm(_options.SetKeyTimeout, SendSetKey);
    }

    private bool OnSetKeyConfirm(in MmeHeader header, ReadOnlySpan<byte> payload)
    {
        if (!TryRead<SetKeyCnf>(header, payload, out var confirm))
        {
            return false;
        }

        if (!_keyTimer.IsArmed)
        {
            return Ignore("unsolicited CM_SET_KEY.CNF");
        }

        var accepted = _options.SetKeyResultPolicy switch
        {
            SetKeyResultPolicy.StandardZeroOnly => confirm.Result == 0x00,
            SetKeyResultPolicy.ModemCompatibleOneOnly => confirm.Result == 0x01,
            _ => confirm.Result is 0x00 or 0x01,
        };
        if (!accepted)
        {
            SlacLog.SetKeyRejected(_logger, confirm.Result, _options.SetKeyResultPolicy);
            return true; // the key timer repeats the request; hammering the modem would not help
        }

        _keyTimer.Cancel();
        KeyConfirmed = true;
        SlacLog.SetKeyAccepted(_logger, header.Source, confirm.Result, Key.NidHex);
        return true;
    }

    private bool OnSoftwareVersion(in MmeHeader header, ReadOnlySpan<byte> payload)
    {
        if (!TryRead<QcaSoftwareVersionCnf>(header, payload, out var confirm))
        {
            return false;
        }

        ModemVersion = confirm.SoftwareVersion;
        SlacLog.ModemVersion(_logger, header.Source, confirm.SoftwareVersion, confirm.DeviceId);
        return true;
    }

    /// <summary>After CM_SLAC_MATCH.CNF: poll the modem until it reports the AVLN (TT_match_join).</summary>
    private void StartJoining()
    {
        SetState(SlacState.Joining);
        _linkMisses = 0;
        _linkReplyPending = false;
        _joinTimer.Arm(_options.MatchJoinTimeout, () => FailLink(SlacFailureReason.LinkNotEstablished));
        PollLink();
    }

    private void PollLink()
    {
        if (State == SlacState.Matched)
        {
            if (_linkReplyPending && ++_linkMisses >= _options.LinkLossDebounce)
            {
                FailLink(SlacFailureReason.LinkLost);
                return;
            }
        }

        _linkReplyPending = true;
        Send(_options.LocalModemAddress, new QcaLinkStatusReq());
        _linkPollTimer.Arm(State == SlacState.Matched ? _options.LinkPollInterval : _options.JoinPollInterval, PollLink);
    }

    private bool OnLinkStatus(in MmeHeader header, ReadOnlySpan<byte> payload)
    {
        if (!TryRead<QcaLinkStatusCnf>(header, payload, out var status))
        {
            return false;
        }

        if (State is not (SlacState.Joining or SlacState.Matched))
        {
            return true; // a late answer to a poll of a finished session
        }

        _linkReplyPending = false;
        if (status.IsLinkUp)
        {
            _linkMisses = 0;
            if (State == SlacState.Joining)
            {
                _joinTimer.Cancel();
                SetState(SlacState.Matched);
                var ready = new SlacLinkReady(MatchedEv!.Value, _matchingDuration);
                _pendingEvents.Add(() => LinkReady?.Invoke(ready));
                _linkPollTimer.Arm(_options.LinkPollInterval, PollLink);
            }
        }
        else if (State == SlacState.Matched && ++_linkMisses >= _options.LinkLossDebounce)
        {
            FailLink(SlacFailureReason.LinkLost);
        }

        return true;
    }

    /// <summary>Stops polling once loss is signalled, so a vanished EV does not produce a stream of alarms.</summary>
    private void FailLink(SlacFailureReason reason)
    {
        var ev = MatchedEv;
        StopLink();
        ClearSessions();
        MatchedEv = null;
        RequestErrorRoutine(reason, ev);
    }

    private void StopLink()
    {
        _linkPollTimer.Cancel();
        _joinTimer.Cancel();
        _linkReplyPending = false;
    }
}
