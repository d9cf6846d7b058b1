using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;

namespace ChargePoint.V2g.Secc.States;

/// <summary>
/// ScheduleExchange. Dynamic: records the EV's departure time, SOC and (V2X) energy requests and finishes at
/// once. Scheduled: one ScheduleTuple with the firmware's charging PowerSchedule and, for BPT, its discharging
/// PowerSchedule; Ongoing until the firmware supplied one, for at most the Ongoing limit. The request's control
/// mode must be the selected one, else FAILED_WrongChargeParameter. No price schedule is sent (both optional).
/// </summary>
public static class ScheduleExchangeHandler
{
    /// <summary>Largest MaximumSupportingPoints the schema allows.</summary>
    private const int MaxEntries = 1024;

    public static (ScheduleExchangeResType Response, EvChargingNeeds Needs, uint? TupleId) Handle(
        ScheduleExchangeReqType request, ISessionView session, EvseSnapshot evse)
    {
        if (session.ControlMode == ControlMode.Dynamic && request.Dynamic_SEReqControlMode is { } dynamic)
        {
            var needs = session.Needs with
            {
                DepartureTime = dynamic.DepartureTime,
                MinimumSoc = dynamic.MinimumSOC ?? session.Needs.MinimumSoc,
                TargetSoc = dynamic.TargetSOC ?? session.Needs.TargetSoc,
                TargetEnergyRequest = dynamic.EVTargetEnergyRequest.ToDouble(),
                MaximumEnergyRequest = dynamic.EVMaximumEnergyRequest.ToDouble(),
                MinimumEnergyRequest = dynamic.EVMinimumEnergyRequest.ToDouble(),
                MaximumV2XEnergyRequest = dynamic.EVMaximumV2XEnergyRequest.ToDoubleOrNull(),
                MinimumV2XEnergyRequest = dynamic.EVMinimumV2XEnergyRequest.ToDoubleOrNull(),
            };
            var response = new ScheduleExchangeResType
            {
                ResponseCode = responseCodeType.OK,
                EVSEProcessing = processingType.Finished,
                Dynamic_SEResControlMode = new Dynamic_SEResControlModeType
                {
                    DepartureTime = dynamic.DepartureTime,
                    MinimumSOC = dynamic.MinimumSOC,
                    TargetSOC = dynamic.TargetSOC,
                },
            };
            return (response, needs, null);
        }

        if (session.ControlMode == ControlMode.Scheduled && request.Scheduled_SEReqControlMode is { } scheduled)
        {
            var needs = session.Needs with
            {
                DepartureTime = scheduled.DepartureTime ?? session.Needs.DepartureTime,
                TargetEnergyRequest = scheduled.EVTargetEnergyRequest.ToDoubleOrNull() ?? session.Needs.TargetEnergyRequest,
                MaximumEnergyRequest = scheduled.EVMaximumEnergyRequest.ToDoubleOrNull() ?? session.Needs.MaximumEnergyRequest,
                MinimumEnergyRequest = scheduled.EVMinimumEnergyRequest.ToDoubleOrNull() ?? session.Needs.MinimumEnergyRequest,
            };
            if (evse.Schedule is null)
            {
                var code = Ongoing.Expired(session) ? responseCodeType.FAILED : responseCodeType.OK;
                return (new ScheduleExchangeResType
                {
                    ResponseCode = code,
                    EVSEProcessing = code == responseCodeType.OK ? processingType.Ongoing : processingType.Finished,

                    // The choice is mandatory even while Ongoing; the EV ignores a placeholder tuple.
                    Scheduled_SEResControlMode = new Scheduled_SEResControlModeType { ScheduleTuple = [Placeholder(session)] },
                }, needs, null);
            }

            var tupleId = (session.OfferedScheduleTupleId ?? 0) + 1;
            var points = Math.Clamp((int)request.MaximumSupportingPoints, 1, MaxEntries);
            var tuple = new ScheduleTupleType
            {
                ScheduleTupleID = tupleId,
                ChargingSchedule = Schedule(evse.Schedule.Start, evse.Schedule.Charging, points, DischargeLimitSign.Positive),
            };
            if (session.Service?.IsBidirectional() == true && evse.Schedule.Discharging.Count > 0)
            {
                tuple.DischargingSchedule = Schedule(evse.Schedule.Start, evse.Schedule.Discharging, points, session.DischargeSign);
            }

            return (new ScheduleExchangeResType
            {
                ResponseCode = responseCodeType.OK,
                EVSEProcessing = processingType.Finished,
                Scheduled_SEResControlMode = new Scheduled_SEResControlModeType { ScheduleTuple = [tuple] },
            }, needs, tupleId);
        }

        return ((ScheduleExchangeResType)FailedResponses.For(request, responseCodeType.FAILED_WrongChargeParameter), session.Needs, null);
    }

    private static ChargingScheduleType Schedule(DateTimeOffset start, IReadOnlyList<ScheduleEntry> entries, int points, DischargeLimitSign sign) => new()
    {
        PowerSchedule = new PowerScheduleType
        {
            TimeAnchor = (ulong)Math.Max(0, start.ToUnixTimeSeconds()),
            PowerScheduleEntries = new PowerScheduleEntryListType
            {
                PowerScheduleEntry = entries.Take(points).Select(e => new PowerScheduleEntryType
                {
                    Duration = (uint)Math.Clamp(e.Duration.TotalSeconds, 1, uint.MaxValue),
                    Power = Rational.Discharge(e.Power, sign),
                }).ToList(),
            },
        },
    };

    private static ScheduleTupleType Placeholder(ISessionView session) => new()
    {
        ScheduleTupleID = 1, // numericIDType starts at 1
        ChargingSchedule = Schedule(session.Now, [new ScheduleEntry(TimeSpan.FromDays(1), 0)], 1, DischargeLimitSign.Positive),
    };
}
