using ChargePoint.Firmware.Hosting;

// `chargepoint`: the charging-station firmware process. Composition lives in StationHostBuilder so the
// integration tests start exactly the host that gets flashed.
return await StationProgram.RunAsync(args);
