using ChargePoint.Ocpp.Rpc;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Network;

/// <summary>
/// Which network connection profile each connection attempt uses (B10):
/// <list type="bullet">
/// <item>after a (re)boot the first entry of NetworkConfigurationPriority (B10.FR.04);</item>
/// <item>after a lost connection the profile that was in use first, then the other entries in priority order;</item>
/// <item>NetworkProfileConnectionAttempts attempts per entry before the next one (B10.FR.03);</item>
/// <item>when every entry failed, the profile of the last successful connection (B10.FR.07), then the list again from
/// its first entry: the station never stops trying (B10.FR.09).</item>
/// </list>
/// A slot whose profile is missing or no longer usable is skipped. The priority list is read at the start of each
/// round, so a SetVariables of it applies from the next reconnect on.
/// </summary>
public sealed partial class NetworkProfileRotation : IOcppConnectionPlan
{
    private readonly Func<IReadOnlyList<int>> _priority;
    private readonly Func<int> _attemptsPerProfile;
    private readonly Func<int, OcppEndpoint?> _endpoint;
    private readonly Action<OcppEndpoint> _activated;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private List<int>? _round; // null until the first attempt: the list as it is then (B10.FR.04)
    private int _index;
    private int _attempts;
    private int? _lastSuccessful;
    private OcppEndpoint? _active;

    /// <summary>
    /// <paramref name="priority"/> and <paramref name="attemptsPerProfile"/> read NetworkConfigurationPriority and
    /// NetworkProfileConnectionAttempts now; <paramref name="endpoint"/> resolves a slot (null when it holds no usable
    /// profile; slot 0 always has one); <paramref name="lastSuccessful"/> is ActiveNetworkProfile from before this boot;
    /// <paramref name="activated"/> is told after each successful connection.
    /// </summary>
    public NetworkProfileRotation(Func<IReadOnlyList<int>> priority, Func<int> attemptsPerProfile, Func<int, OcppEndpoint?> endpoint,
        int? lastSuccessful, Action<OcppEndpoint> activated, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(priority);
        ArgumentNullException.ThrowIfNull(attemptsPerProfile);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(activated);
        _priority = priority;
        _attemptsPerProfile = attemptsPerProfile;
        _endpoint = endpoint;
        _activated = activated;
        _logger = logger;
        _lastSuccessful = lastSuccessful;
    }

    /// <summary>The endpoint of the current or last connection; null before the first.</summary>
    public OcppEndpoint? Active
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    private List<int> Round => _round ??= StartRound(_priority());

    private int Target => _index < Round.Count ? Round[_index] : _lastSuccessful ?? NetworkProfileRules.LocalSlot;

    public OcppEndpoint Next()
    {
        lock (_gate)
        {
            // Every slot of a round plus the fallback: if none is usable the configured profile is dialled.
            for (var skipped = 0; skipped <= Round.Count + 1; skipped++)
            {
                if (_endpoint(Target) is { } endpoint)
                {
                    return endpoint;
                }

                LogUnusable(Target);
                Advance();
            }

            return _endpoint(NetworkProfileRules.LocalSlot) ?? throw new InvalidOperationException("The configured network profile (slot 0) must always be usable.");
        }
    }

    public bool Failed(OcppEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_gate)
        {
            var allowed = Math.Max(1, _attemptsPerProfile());
            if (++_attempts < allowed)
            {
                return false;
            }

            var before = Target;
            Advance();
            if (Target == before)
            {
                return false;
            }

            LogSwitch(before, allowed, Target);
            return true;
        }
    }

    public void Connected(OcppEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_gate)
        {
            _lastSuccessful = endpoint.Slot;
            _active = endpoint;
            _attempts = 0;
        }

        _activated(endpoint);
    }

    public void Disconnected(OcppEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_gate)
        {
            _round = StartRound([endpoint.Slot, .. _priority().Where(slot => slot != endpoint.Slot)]);
        }
    }

    private void Advance()
    {
        _attempts = 0;
        _index++;

        // Past the list: once more the last profile that worked (B10.FR.07), then a new round.
        if (_index > Round.Count || (_index == Round.Count && _lastSuccessful is null))
        {
            _round = StartRound(_priority());
        }
    }

    private List<int> StartRound(IReadOnlyList<int> slots)
    {
        _index = 0;
        _attempts = 0;
        return slots.Count == 0 ? [NetworkProfileRules.LocalSlot] : [.. slots];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Network profile slot {Slot} skipped: it holds no usable connection profile")]
    private partial void LogUnusable(int slot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Network profile slot {Slot} failed {Attempts} connection attempts; trying slot {Next}")]
    private partial void LogSwitch(int slot, int attempts, int next);
}
