using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is reachable through the switcher:
//   dotnet run -c Release --project tests/ChargePoint.Benchmarks -- --filter '*ChargeLoop*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
