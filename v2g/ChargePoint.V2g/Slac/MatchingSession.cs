using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac.Messages;

namespace ChargePoint.V2g.Slac;

/// <summary>Where one matching run (one EV MAC + RunID) stands.</summary>
internal enum SessionPhase
{
    WaitStartAttenChar,
    Sounding,
    WaitAttenCharResponse,
    WaitMatchRequest,
    Matched,
}

/// <summary>One matching run of one EV, keyed by EV MAC and RunID; several may run at once (cross-talk).</summary>
internal sealed class MatchingSession(MacAddress evAddress, RunId runId, SlacTimer timer, long startedAt, long sequence) : IDisposable
{
    private readonly int[] _attenuationSums = new int[SlacConstants.AttenuationGroups];

    public MacAddress EvAddress { get; } = evAddress;

    public RunId RunId { get; } = runId;

    public SlacTimer Timer { get; } = timer;

    /// <summary>Creation order (timestamps can tie).</summary>
    public long Sequence { get; } = sequence;

    /// <summary>Timestamp of the first CM_SLAC_PARM.REQ of this run.</summary>
    public long StartedAt { get; set; } = startedAt;

    public SessionPhase Phase { get; set; }

    public int ExpectedSounds { get; set; }

    public int ProfilesReceived { get; private set; }

    public int SoundsSeen { get; set; }

    public int AttenCharSends { get; set; }

    public byte[]? AttenCharFrame { get; set; }

    public byte[]? MatchConfirmFrame { get; set; }

    public void AddProfile(ReadOnlySpan<byte> groups)
    {
        for (var i = 0; i < _attenuationSums.Length; i++)
        {
            _attenuationSums[i] += groups[i];
        }

        ProfilesReceived++;
    }

    public void ClearProfiles()
    {
        Array.Clear(_attenuationSums);
        ProfilesReceived = 0;
        SoundsSeen = 0;
    }

    /// <summary>
    /// The average attenuation per group over the profiles received, rounded half up, plus the board offset and
    /// clamped to a byte. Without any profile every group reads 0xFF (no signal) so the EV will not pick us.
    /// </summary>
    public byte[] AverageAttenuation(int offsetDb)
    {
        var result = new byte[_attenuationSums.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ProfilesReceived == 0
                ? byte.MaxValue
                : (byte)Math.Clamp(((_attenuationSums[i] + (ProfilesReceived / 2)) / ProfilesReceived) + offsetDb, 0, 255);
        }

        return result;
    }

    public void Dispose() => Timer.Dispose();
}
