using ChargePoint.Firmware.Settlement;

namespace ChargePoint.Firmware.Tests.Settlement;

public sealed class SettlementStoreTests : IDisposable
{
    private readonly DirectoryInfo _storage = Directory.CreateTempSubdirectory("cp-settlement");
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_record_settles_import_and_export_separately_from_the_register_deltas_and_the_reader_sees_it()
    {
        using (var store = new SettlementStore(_storage.FullName))
        {
            store.Open("tx-1", 1, T0, importRegisterWh: 1000, exportRegisterWh: 200);
            store.Update("tx-1", 1500, 200, 40);
            store.Update("tx-1", 1600, 450, 38);
            store.Close("tx-1", T0.AddMinutes(30), "StoppedByEV", 1600, 500);
        }

        var record = SettlementReader.Find(_storage.FullName, "tx-1");
        Assert.NotNull(record);
        Assert.Equal(600, record.ImportedWh, 6);
        Assert.Equal(300, record.ExportedWh, 6);
        Assert.Equal(300, record.NetWh, 6);
        Assert.Equal("StoppedByEV", record.StopReason);
        Assert.Equal(T0.AddMinutes(30), record.EndedAt);
        Assert.Equal(38, record.StateOfChargePercent);
    }

    [Fact]
    public void Registers_never_go_back_and_a_closed_record_no_longer_changes()
    {
        using var store = new SettlementStore(_storage.FullName);
        store.Open("tx-2", 1, T0, 100, 100);
        store.Update("tx-2", 300, 150, null);
        store.Update("tx-2", 250, 120, null); // a stale sample must not undo energy already counted
        store.Close("tx-2", T0.AddMinutes(1), "Local");
        store.Update("tx-2", 900, 900, null);

        var record = store.Find("tx-2")!;
        Assert.Equal(200, record.ImportedWh, 6);
        Assert.Equal(50, record.ExportedWh, 6);
        Assert.Empty(store.Unfinished());
    }

    [Fact]
    public void Unfinished_lists_the_transactions_a_crash_left_open_and_the_reader_tolerates_a_missing_database()
    {
        Assert.Empty(SettlementReader.Latest(_storage.FullName));
        using var store = new SettlementStore(_storage.FullName);
        store.Open("open", 1, T0, 0, 0);
        store.Open("done", 1, T0.AddMinutes(-5), 0, 0);
        store.Close("done", T0, "Local");

        Assert.Equal("open", Assert.Single(store.Unfinished()).TransactionId);
        Assert.Equal(["open", "done"], SettlementReader.Latest(_storage.FullName).Select(r => r.TransactionId));
    }

    public void Dispose() => _storage.Delete(recursive: true);
}
