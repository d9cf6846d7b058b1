using ChargePoint.Firmware.Configuration;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Sdp;
using ChargePoint.V2g.Secc;
using ChargePoint.V2g.Slac;
using ChargePoint.V2g.Tls;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Firmware.V2g;

/// <summary>Builds EVSE 1's <see cref="SeccSessionSource"/> from the station's configuration.</summary>
public static class SeccSourceBuilder
{
    /// <param name="plc">The PLC channel SLAC runs on; null takes the link as up (an external EV on
    /// <c>V2g:Interface</c>).</param>
    /// <param name="network">Where SDP and the listeners bind (<c>V2g:Interface</c>, ports, security policy).</param>
    /// <param name="tls">The SECC's TLS material (<c>V2g:Tls:*</c>).</param>
    /// <param name="station">The firmware's <c>V2g</c> keys (control mode, sequence timeout).</param>
    /// <param name="rating">The EVSE's ratings (<c>Hal</c>).</param>
    /// <param name="time">Clock of every protocol timer.</param>
    /// <param name="loggers">Loggers of the stack.</param>
    /// <param name="slacOptions">SLAC timing; defaults per ISO 15118-3.</param>
    /// <param name="inspector">Sees every V2GTP message (the diagnostics trace), or null.</param>
    public static SeccSessionSource Build(
        IEthernetChannel? plc,
        V2gNetworkOptions network,
        V2gTlsOptions tls,
        V2gStationOptions station,
        HalOptions rating,
        TimeProvider time,
        ILoggerFactory loggers,
        SlacOptions? slacOptions = null,
        IV2gPacketInspector? inspector = null)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(rating);
        var stack = V2gTransportStack.Start(network, tls, new V2gtpOptions(), time, loggers, inspector);
        EvseSlacLink? slac = null;
        try
        {
            slac = plc is null ? null : EvseSlacLink.Start(plc, slacOptions ?? new SlacOptions { Interface = plc.InterfaceName }, time, loggers);
            var secc = new SeccOptions
            {
                PreferredControlMode = string.Equals(station.ControlMode, "scheduled", StringComparison.OrdinalIgnoreCase) ? ControlMode.Scheduled : ControlMode.Dynamic,
            };
            secc.Timings.SequenceTimeout = TimeSpan.FromSeconds(station.SequenceTimeoutSeconds);
            var maxVolts = rating.MaxOutputVoltageVolts;
            var minVolts = rating.MinOutputVoltageVolts;
            var settings = new SeccSessionSettings(
                secc,
                new DcEvseLimits(rating.MaxChargePowerWatts, 0, rating.MaxChargeCurrentAmperes, 0, maxVolts, minVolts, rating.MaxDischargePowerWatts, 0, rating.MaxDischargeCurrentAmperes, 0),
                new AcEvseLimits(Math.Min(rating.MaxChargePowerWatts, 22_000), 0, Math.Min(rating.MaxDischargePowerWatts, 22_000), 0, 50, 230),
                new SeccStationRating(rating.MaxChargeCurrentAmperes, rating.MaxDischargeCurrentAmperes, maxVolts, minVolts));
            return new SeccSessionSource(stack, slac, settings, time, loggers);
        }
        catch
        {
            slac?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            stack.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }
}
