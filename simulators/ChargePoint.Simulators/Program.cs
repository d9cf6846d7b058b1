// `cpsim`: runs a simulator on its own (the PLC modem on an interface, the EV against an SECC address,
// the CSMS on a port). Each simulator issue adds its command here.
await Console.Error.WriteLineAsync("cpsim: no stand-alone simulator command is available yet").ConfigureAwait(false);
return 2;
