using ChargePoint.Firmware.Ocpp;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Firmware.Evse;

public sealed partial class EvseManager
{
    private string? _lastTransactionId;

    /// <summary>Starts the transaction once the EV is authorized (E02: TransactionEvent Started).</summary>
    private async Task StartTransactionAsync()
    {
        var reading = await ReadMeterAsync().ConfigureAwait(false);
        var importStart = reading?.ImportedEnergyWattHours ?? 0;

        // The CSMS's id for the transaction (the OCPP client may have started it at plug-in): TxProfiles name it.
        var id = _port.TransactionStarted(EvseId, Guid.NewGuid().ToString("N"), importStart);
        var data = new SessionData(id, importStart, reading?.ExportedEnergyWattHours ?? 0);
        lock (_gate)
        {
            _session = data;
            _lastTransactionId = id;
        }

        _schedules.SetTransaction(EvseId, new ActiveTransaction(id, _time.GetUtcNow()));
    }

    /// <summary>Ends the running transaction (if any) and returns the energy imported and exported during it.</summary>
    private async Task<(double Imported, double Exported)> EndTransactionAsync(TransactionStopReason reason)
    {
        SessionData? data;
        lock (_gate)
        {
            data = _session;
            _session = null;
        }

        if (data is null)
        {
            return (0, 0);
        }

        var reading = await ReadMeterAsync().ConfigureAwait(false) ?? _control.Safety.LastMeterReading;
        var imported = Math.Max(0, (reading?.ImportedEnergyWattHours ?? data.MeterStartImportWattHours) - data.MeterStartImportWattHours);
        var exported = Math.Max(0, (reading?.ExportedEnergyWattHours ?? data.MeterStartExportWattHours) - data.MeterStartExportWattHours);
        _schedules.SetTransaction(EvseId, null);
        _port.TransactionEnded(EvseId, data.TransactionId, reason, imported, exported);
        return (imported, exported);
    }

    private async Task<MeterReading?> ReadMeterAsync()
    {
        try
        {
            var result = await _control.Hardware.EnergyMeter.ReadAsync().ConfigureAwait(false);
            return result.Reading;
        }
        catch (Exception ex) when (ex is IOException or TimeoutException or InvalidOperationException)
        {
            return null;
        }
    }

    private sealed record SessionData(string TransactionId, double MeterStartImportWattHours, double MeterStartExportWattHours);
}
