using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Storage;

namespace ChargePoint.Firmware.Tests.Ocpp;

/// <summary>Device-model values an operator set on an earlier run (persisted like a CSMS's SetVariables).</summary>
internal static class StationStorage
{
    public static void SetVariables(string storagePath, string stationId, params (string Component, string Variable, string Value)[] values)
    {
        using var database = new StationDatabase(storagePath);
        var model = new DeviceModelService(StationDeviceModel.Declare(StationLayout.BidirectionalDc(), 1, stationId), new DeviceModelStore(database), TimeProvider.System);
        foreach (var (component, variable, value) in values)
        {
            var result = model.Set(new SetVariableDataType
            {
                AttributeValue = value,
                Component = new ComponentType { Name = component },
                Variable = new VariableType { Name = variable },
            });
            if (result.AttributeStatus != SetVariableStatusEnumType.Accepted)
            {
                throw new InvalidOperationException($"{component}.{variable}={value} was not accepted: {result.AttributeStatus}");
            }
        }
    }

    /// <summary>Meter values every second and a quick reconnect, so the tests see a few samples and short outages.</summary>
    public static void FastSamplingAndReconnect(string storagePath, string stationId, params (string Component, string Variable, string Value)[] more) =>
        SetVariables(storagePath, stationId,
        [
            ("SampledDataCtrlr", "TxUpdatedInterval", "1"),
            ("SampledDataCtrlr", "TxUpdatedMeasurands", "Energy.Active.Import.Register,Energy.Active.Export.Register,Power.Active.Import,Power.Active.Export,SoC"),
            ("OCPPCommCtrlr", "RetryBackOffWaitMinimum", "1"),
            ("OCPPCommCtrlr", "RetryBackOffRandomRange", "1"),
            ("OCPPCommCtrlr", "RetryBackOffRepeatTimes", "0"),
            .. more,
        ]);
}
