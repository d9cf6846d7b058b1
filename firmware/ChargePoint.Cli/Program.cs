using ChargePoint.Cli;

// `cpdiag`: the field technicians' diagnostics tool. Commands live in CliApplication so tests run the same tree.
return await CliApplication.RunAsync(args, Console.Out, Console.Error);
