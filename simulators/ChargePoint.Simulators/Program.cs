using System.CommandLine;
using ChargePoint.Simulators.PlcModem;

// `cpsim`: runs a simulator on its own (the PLC modem on an interface, the EV against an SECC address,
// the CSMS on a port). Each simulator issue adds its command here.
var root = new RootCommand("ChargePoint simulators") { PlcModemCommand.Create() };
return await root.Parse(args).InvokeAsync();
